import { formatNumber, t } from '../i18n';
import { PanelFrame } from '../shared/PanelFrame';
import { CommentItem } from './CommentItem';
import { PendingList } from './PendingList';
import type { SidebarState } from './state';

/** Comments, newest first, paged with "load more"; the reader's queued comments on top. */
export function CommentsPanel({ state, total }: { state: SidebarState; total: number }) {
  const comments = state.comments.value;
  const queued = state.pending.value.filter((w) => w.intent.kind === 'comment');
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
