import { useEffect, useRef, useState } from 'preact/hooks';
import { FLAG_REASONS, LIMITS, type FlagReason } from '../../lib/shared/api/limits';
import type { Comment } from '../../lib/shared/api/responses';
import { codePointLength } from '../../lib/shared/api/text';
import type { CommentDraft } from '../../lib/shared/messages/payloads';
import type { PendingWrite } from '../../lib/shared/messages/views';
import { formatDateTime, formatNumber, t } from '../i18n';
import { LinkedText } from '../shared/LinkedText';
import { outcomeText, type ActionOutcome } from '../shared/outcome';

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
  /** Queues an edit of the reader's own comment; absent where editing is not offered. */
  onEdit?: ((commentId: string, change: CommentDraft) => Promise<ActionOutcome>) | undefined;
  /** Queues the deletion of the reader's own comment. */
  onDelete?: ((commentId: string) => Promise<ActionOutcome>) | undefined;
  /** The newest edit or deletion of this comment still waiting in the outbox (not a failed one). */
  pending?: PendingWrite | undefined;
}

type Mode = 'view' | 'editing' | 'confirming';

/**
 * One comment: author and time, the body as text, spoilers folded, a flag
 * menu for others' comments, and Edit / Delete for the reader's own. Editing
 * opens the text in place; deleting asks in place. An edit or deletion still
 * waiting to be sent shows on the comment.
 */
export function CommentItem({ comment, onFlag, onCopyLink, onEdit, onDelete, pending }: CommentItemProps) {
  const pendingEdit = pending?.intent.kind === 'editComment' ? pending.intent : null;
  const pendingDelete = pending?.intent.kind === 'deleteComment';
  const shown = pendingEdit ?? comment;

  const [revealed, setRevealed] = useState(!shown.spoiler);
  // A spoiler mark set by an edit folds the text as it does for every reader.
  useEffect(() => setRevealed(!shown.spoiler), [shown.spoiler]);
  const [flagOpen, setFlagOpen] = useState(false);
  const [flagged, setFlagged] = useState(false);
  const [mode, setMode] = useState<Mode>('view');
  const flagButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const item = useRef<HTMLLIElement>(null);
  const bodyId = `comment-${comment.id}-body`;
  const canChange = comment.mine && onEdit !== undefined && onDelete !== undefined && !pendingDelete;

  // Escape closes the menu and puts focus back on the button that opened it (not the whole sidebar).
  function onMenuKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    setFlagOpen(false);
    flagButton.current?.focus();
  }

  async function flag(reason: FlagReason) {
    setFlagOpen(false);
    const outcome = await onFlag(comment.id, reason);
    if (outcome.ok) setFlagged(true);
  }

  /** Back to reading; focus goes to `to` once it is on the page again. */
  const [focusAfter, setFocusAfter] = useState<'edit' | 'delete' | 'item' | null>(null);
  useEffect(() => {
    if (focusAfter === null || mode !== 'view') return;
    const target = { edit: editButton, delete: deleteButton, item }[focusAfter].current;
    (target ?? item.current)?.focus();
    setFocusAfter(null);
  }, [focusAfter, mode]);
  function closeTo(to: 'edit' | 'delete' | 'item') {
    setMode('view');
    setFocusAfter(to);
  }

  async function confirmDelete() {
    const outcome = await onDelete?.(comment.id);
    // The comment stays until the server has the deletion, marked as waiting; its buttons go.
    if (outcome?.ok) closeTo('item');
  }

  return (
    <li
      ref={item}
      tabIndex={-1}
      class={`comment ${comment.status !== 'published' ? 'comment-waiting' : ''} ${pending ? 'comment-pending' : ''}`}
    >
      <p class="comment-meta">
        <bdi class="author">{comment.authorName}</bdi>{' '}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        {comment.editedAt && (
          <span class="edited">
            {' · '}
            <time dateTime={comment.editedAt} title={formatDateTime(comment.editedAt)}>
              {t('myComment.edited')}
            </time>
          </span>
        )}
        {comment.status === 'waiting' && <span class="badge">{t('comments.waiting')}</span>}
        {comment.status === 'held' && <span class="badge">{t('comments.held')}</span>}
        {pendingEdit && <span class="badge">{t('myComment.editWaiting')}</span>}
        {pendingDelete && <span class="badge">{t('myComment.deleteWaiting')}</span>}
      </p>
      {mode === 'editing' ? (
        <EditForm
          id={comment.id}
          initial={{ body: shown.body, spoiler: shown.spoiler }}
          onSave={async (change) => {
            const unchanged = change.body === shown.body && change.spoiler === shown.spoiler;
            const outcome = unchanged ? { ok: true as const } : await onEdit?.(comment.id, change);
            if (outcome?.ok) closeTo('edit');
            return outcome ?? { ok: false };
          }}
          onCancel={() => closeTo('edit')}
        />
      ) : (
        <>
          {shown.spoiler && (
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
          <p id={bodyId} class="comment-body" dir="auto" hidden={shown.spoiler && !revealed}>
            {(!shown.spoiler || revealed) && <LinkedText text={shown.body} />}
          </p>
        </>
      )}
      {mode !== 'editing' && onCopyLink && comment.status === 'published' && !pendingDelete && (
        <button
          type="button"
          class="link-button copy-link"
          aria-label={t('comments.copyLinkLabel')}
          onClick={() => void onCopyLink(comment.id)}
        >
          {t('comments.copyLink')}
        </button>
      )}
      {canChange && mode === 'view' && (
        <div class="comment-actions">
          <button ref={editButton} type="button" class="link-button" onClick={() => setMode('editing')}>
            {t('myComment.edit')}
          </button>{' '}
          <button ref={deleteButton} type="button" class="link-button" onClick={() => setMode('confirming')}>
            {t('myComment.delete')}
          </button>
        </div>
      )}
      {canChange && mode === 'confirming' && (
        <ConfirmDelete id={comment.id} onDelete={() => void confirmDelete()} onKeep={() => closeTo('delete')} />
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

interface EditFormProps {
  id: string;
  initial: CommentDraft;
  onSave: (change: CommentDraft) => Promise<ActionOutcome>;
  onCancel: () => void;
}

/** The comment's text in place, with the comment form's limits and spoiler mark; Escape cancels. */
function EditForm({ id, initial, onSave, onCancel }: EditFormProps) {
  const [draft, setDraft] = useState<CommentDraft>(initial);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const length = codePointLength(draft.body);
  const fieldId = `comment-${id}-edit`;

  useEffect(() => textarea.current?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    setSaving(true);
    const outcome = await onSave(draft);
    setSaving(false);
    if (!outcome.ok) {
      setError(outcomeText(outcome));
      textarea.current?.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  }

  return (
    <form class="comment-edit" noValidate onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
      <label for={fieldId}>{t('myComment.editLabel')}</label>
      <textarea
        ref={textarea}
        id={fieldId}
        rows={5}
        value={draft.body}
        dir="auto"
        aria-invalid={error !== ''}
        aria-describedby={error ? `${fieldId}-count ${fieldId}-error` : `${fieldId}-count`}
        onInput={(e) => setDraft({ ...draft, body: e.currentTarget.value })}
      />
      <p id={`${fieldId}-count`} class={`muted count ${length > LIMITS.commentMax ? 'over' : ''}`}>
        {t('form.count', [formatNumber(length), formatNumber(LIMITS.commentMax)])}
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={draft.spoiler}
          onChange={(e) => setDraft({ ...draft, spoiler: e.currentTarget.checked })}
        />
        {t('form.spoiler')}
      </label>
      {error && (
        <p id={`${fieldId}-error`} class="field-error" role="alert">
          {error}
        </p>
      )}
      <div class="comment-actions">
        <button type="submit" disabled={saving}>
          {t('myComment.save')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('myComment.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "Delete this comment?" in place of the buttons; focus starts on Keep, and Escape keeps it. */
function ConfirmDelete({ id, onDelete, onKeep }: { id: string; onDelete: () => void; onKeep: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  const questionId = `comment-${id}-delete-question`;
  useEffect(() => keep.current?.focus(), []);
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onKeep();
  }
  return (
    <div class="comment-confirm" role="group" aria-labelledby={questionId} onKeyDown={onKeyDown}>
      <p id={questionId}>{t('myComment.deleteConfirm')}</p>
      <button type="button" class="danger" onClick={onDelete}>
        {t('myComment.delete')}
      </button>{' '}
      <button ref={keep} type="button" onClick={onKeep}>
        {t('myComment.keep')}
      </button>
    </div>
  );
}
