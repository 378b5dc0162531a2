/** @jsxImportSource hono/jsx */
/**
 * The queue: comments waiting for confirmation, hidden by flags, or flagged,
 * each with approve / deny / spam; what their authors edited or deleted is
 * marked, with the earlier versions.
 */
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
              <span class="muted">
                {STATUS[c.status] ?? c.status}
                {c.deletedAt === null ? null : (
                  <>
                    {' · '}
                    <span class="deleted">Deleted by its author</span>{' '}
                    <time datetime={c.deletedAt}>{formatCommentTime(Date.parse(c.deletedAt), 'en')}</time>
                  </>
                )}
                {c.editedAt === null ? null : (
                  <>
                    {' · Edited by its author '}
                    <time datetime={c.editedAt}>{formatCommentTime(Date.parse(c.editedAt), 'en')}</time>
                  </>
                )}
              </span>
            </p>
            <p class="text">{c.body}</p>
            {c.revisions.some((r) => r.action === 'edited') ? (
              <div class="revisions">
                <p class="muted">Earlier versions, oldest first:</p>
                <ol>
                  {c.revisions
                    .filter((r) => r.action === 'edited')
                    .map((r) => (
                      <li>
                        <span class="muted">
                          Replaced <time datetime={r.at}>{formatCommentTime(Date.parse(r.at), 'en')}</time>
                        </span>
                        <p class="text">{r.body}</p>
                      </li>
                    ))}
                </ol>
              </div>
            ) : null}
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
