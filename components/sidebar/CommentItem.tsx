import { useRef, useState } from 'preact/hooks';
import { FLAG_REASONS, type FlagReason } from '../../lib/shared/api/limits';
import type { Comment } from '../../lib/shared/api/responses';
import { formatDateTime, t } from '../i18n';
import { LinkedText } from '../shared/LinkedText';
import type { ActionOutcome } from '../shared/outcome';

const FLAG_TEXT: Record<FlagReason, () => string> = {
  spam: () => t('comments.flagSpam'),
  offensive: () => t('comments.flagOffensive'),
  spoiler: () => t('comments.flagSpoiler'),
};

interface CommentItemProps {
  comment: Comment;
  onFlag: (commentId: string, reason: FlagReason) => Promise<ActionOutcome>;
  /** Copies the comment's permalink on the canon's web page; absent when the page is not known. */
  onCopyLink?: ((commentId: string) => Promise<ActionOutcome>) | undefined;
}

/** One comment: author and time, the body as text, spoilers folded, a flag menu for others' comments. */
export function CommentItem({ comment, onFlag, onCopyLink }: CommentItemProps) {
  const [revealed, setRevealed] = useState(!comment.spoiler);
  const [flagOpen, setFlagOpen] = useState(false);
  const [flagged, setFlagged] = useState(false);
  const flagButton = useRef<HTMLButtonElement>(null);
  const bodyId = `comment-${comment.id}-body`;

  // Escape closes the menu and puts focus back on the button that opened it.
  function onMenuKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    setFlagOpen(false);
    flagButton.current?.focus();
  }

  async function flag(reason: FlagReason) {
    setFlagOpen(false);
    const outcome = await onFlag(comment.id, reason);
    if (outcome.ok) setFlagged(true);
  }

  return (
    <li class={`comment ${comment.status !== 'published' ? 'comment-waiting' : ''}`}>
      <p class="comment-meta">
        <bdi class="author">{comment.authorName}</bdi>{' '}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        {comment.status === 'waiting' && <span class="badge">{t('comments.waiting')}</span>}
        {comment.status === 'held' && <span class="badge">{t('comments.held')}</span>}
      </p>
      {comment.spoiler && (
        <button
          type="button"
          class="link-button"
          aria-expanded={revealed}
          aria-controls={bodyId}
          onClick={() => setRevealed(!revealed)}
        >
          {revealed ? t('comments.hideSpoiler') : t('comments.showSpoiler')}
        </button>
      )}
      <p id={bodyId} class="comment-body" dir="auto" hidden={!revealed}>
        {revealed && <LinkedText text={comment.body} />}
      </p>
      {onCopyLink && comment.status === 'published' && (
        <button
          type="button"
          class="link-button copy-link"
          aria-label={t('comments.copyLinkLabel')}
          onClick={() => void onCopyLink(comment.id)}
        >
          {t('comments.copyLink')}
        </button>
      )}
      {!comment.mine && (
        <div class="flag">
          {flagged ? (
            <p class="muted">{t('comments.flagged')}</p>
          ) : (
            <button
              ref={flagButton}
              type="button"
              class="link-button"
              aria-expanded={flagOpen}
              onClick={() => setFlagOpen(!flagOpen)}
            >
              {t('comments.flag')}
            </button>
          )}
          {flagOpen && (
            <ul class="flag-menu" aria-label={t('comments.flagReason')} onKeyDown={onMenuKeyDown}>
              {FLAG_REASONS.map((reason) => (
                <li key={reason}>
                  <button type="button" onClick={() => void flag(reason)}>
                    {FLAG_TEXT[reason]()}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}
