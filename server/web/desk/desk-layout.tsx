/** @jsxImportSource hono/jsx */
/**
 * The frame of every desk page: the public layout (same stylesheet, same
 * CSP), plus the desk's navigation and sign-out for a signed-in moderator.
 * The desk speaks English only: it has a handful of users, who configure it.
 */
import type { Child } from 'hono/jsx';
import { Layout } from '../layout';

export type DeskSection = 'queue' | 'nominations' | 'entries' | 'log';

const SECTIONS: { id: DeskSection; href: string; label: string }[] = [
  { id: 'queue', href: '/admin', label: 'Queue' },
  { id: 'nominations', href: '/admin/nominations', label: 'Nominations' },
  { id: 'entries', href: '/admin/books', label: 'Canon entries' },
  { id: 'log', href: '/admin/log', label: 'Moderation log' },
];

/** A notice after a decision, chosen from fixed words (the address only carries its key). */
export const DONE: Record<string, string> = {
  approve: 'Approved: the comment is published.',
  deny: 'Denied: the comment stays unpublished.',
  spam: 'Marked as spam: the comment is hidden and its writer’s later posts will not reach the queue.',
  accepted: 'Accepted: the entry is in the canon.',
  declined: 'Declined.',
  saved: 'Saved.',
  'tag-hidden': 'The tag is hidden.',
  'link-hidden': 'The review link is hidden.',
  gone: 'Nothing was changed: it was already decided or no longer exists.',
};

export function DeskLayout(props: {
  title: string;
  canonName: string;
  session: { moderator: string; csrf: string } | null;
  section?: DeskSection;
  done?: string | null;
  children: Child;
}) {
  const done = props.done == null ? undefined : DONE[props.done];
  return (
    <Layout
      locale="en"
      title={`${props.title} · Moderator’s desk · ${props.canonName}`}
      canonName={props.canonName}
      feeds={[]}
    >
      <div class="desk">
        {props.session === null ? null : (
          <nav class="desk-nav" aria-label="Moderator’s desk">
            <ul>
              {SECTIONS.map((s) => (
                <li>
                  <a href={s.href} aria-current={s.id === props.section ? 'page' : undefined}>
                    {s.label}
                  </a>
                </li>
              ))}
            </ul>
            <form method="post" action="/admin/sign-out" class="sign-out">
              <input type="hidden" name="csrf" value={props.session.csrf} />
              <span class="muted">{props.session.moderator}</span> <button class="quiet">Sign out</button>
            </form>
          </nav>
        )}
        <h1>{props.title}</h1>
        {done === undefined ? null : (
          <p class="notice" role="status">
            {done}
          </p>
        )}
        {props.children}
      </div>
    </Layout>
  );
}
