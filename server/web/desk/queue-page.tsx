/** @jsxImportSource hono/jsx */
/** The queue: comments waiting for confirmation, hidden by flags, or flagged, each with approve / deny / spam. */
import type { QueuedComment } from '../../moderation/actions';
import { formatCommentTime } from '../format';

const STATUS: Record<string, string> = {
  waiting: 'Waiting for its writer’s e-mail confirmation',
  held: 'Hidden by readers’ flags',
  published: 'Published, flagged',
};

export function QueuePage(props: { comments: QueuedComment[]; csrf: string }) {
  if (props.comments.length === 0) return <p>Nothing waits for a decision.</p>;
  return (
    <ol class="queue">
      {props.comments.map((c) => {
        const flags = Object.entries(c.flags);
        return (
          <li id={`comment-${c.id}`}>
            <p class="meta">
              <span class="who">{c.authorName}</span> on{' '}
              <a href={`/books/${encodeURIComponent(c.bookId)}`}>{c.bookTitle}</a> ·{' '}
              <time datetime={c.createdAt}>{formatCommentTime(Date.parse(c.createdAt), 'en')}</time>
              <br />
              <span class="muted">{STATUS[c.status] ?? c.status}</span>
            </p>
            <p class="text">{c.body}</p>
            {flags.length === 0 ? null : (
              <p class="flags">
                Flags:{' '}
                {flags.map(([reason, n], i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    {reason} × {n}
                  </>
                ))}
              </p>
            )}
            <form method="post" action={`/admin/comments/${c.id}`} class="decide">
              <input type="hidden" name="csrf" value={props.csrf} />
              <button name="decision" value="approve">
                Approve
              </button>{' '}
              <button name="decision" value="deny" class="quiet">
                Deny
              </button>{' '}
              <button name="decision" value="spam" class="quiet">
                Spam
              </button>
            </form>
          </li>
        );
      })}
    </ol>
  );
}
