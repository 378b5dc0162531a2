import { formatNumber, t } from '../i18n';
import { PanelFrame } from '../shared/PanelFrame';
import { CommentItem } from './CommentItem';
import { PendingList } from './PendingList';
import type { PendingWrite } from '../../lib/shared/messages/views';
import type { SidebarState } from './state';

const COMMENT_WRITES = new Set(['comment', 'editComment', 'deleteComment']);

/** The newest edit or deletion of each comment still on its way (a failed one waits in the list for a retry). */
function pendingChanges(writes: PendingWrite[]): Map<string, PendingWrite> {
  const changes = new Map<string, PendingWrite>();
  for (const write of writes) {
    const { intent } = write;
    if ((intent.kind === 'editComment' || intent.kind === 'deleteComment') && write.state !== 'failed') {
      changes.set(intent.commentId, write);
    }
  }
  return changes;
}

/**
 * Comments, newest first, paged with "load more"; the reader's queued
 * comments, edits and deletions on top, and each waiting edit or deletion
 * also on its comment.
 */
export function CommentsPanel({ state, total }: { state: SidebarState; total: number }) {
  const comments = state.comments.value;
  const queued = state.pending.value.filter((w) => COMMENT_WRITES.has(w.intent.kind));
  const changes = pendingChanges(queued);
  return (
    <PanelFrame
      id="comments"
      title={t('comments.title', total, [formatNumber(total)])}
      load={comments.load}
      onRetry={() => void state.loadComments()}
    >
      {() => (
        <>
          {comments.stale && <p class="muted">{t('state.stale')}</p>}
          <PendingList writes={queued} onRetry={state.retryWrite} />
          {comments.items.length === 0 && queued.length === 0 ? (
            <p class="muted">{t('comments.none')}</p>
          ) : (
            <ol class="comments">
              {comments.items.map((comment) => (
                <CommentItem
                  key={comment.id}
                  comment={comment}
                  onFlag={state.flagComment}
                  onCopyLink={state.site.value ? state.copyCommentLink : undefined}
                  onEdit={state.editComment}
                  onDelete={state.deleteComment}
                  pending={changes.get(comment.id)}
                />
              ))}
            </ol>
          )}
          {comments.nextCursor !== null && (
            <button type="button" disabled={comments.loadingMore} onClick={() => void state.loadMoreComments()}>
              {comments.loadingMore ? t('state.loading') : t('comments.loadMore')}
            </button>
          )}
        </>
      )}
    </PanelFrame>
  );
}
