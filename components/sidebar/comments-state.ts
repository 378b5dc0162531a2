/**
 * Comments and the comment form for the sidebar's book: pages of comments,
 * the draft (saved per book as it is typed, kept until the comment is
 * queued), posting, and editing or deleting the reader's own comments (each
 * queued in the outbox like a post). Part of the sidebar state; see ./state.
 */
import { signal } from '@preact/signals';
import type { FlagReason } from '../../lib/shared/api/limits';
import type { Comment } from '../../lib/shared/api/responses';
import { checkComment } from '../../lib/pages/reader-input';
import type { CommentDraft } from '../../lib/shared/messages/payloads';
import type { PendingWrite } from '../../lib/shared/messages/views';
import type { SidebarPort } from '../ports';
import { t } from '../i18n';
import { fromResult, LOADING, type Load } from '../shared/load';
import type { ActionOutcome } from '../shared/outcome';

export interface CommentsState {
  load: Load<null>;
  items: Comment[];
  nextCursor: string | null;
  loadingMore: boolean;
  /** Served from the cache because the server could not be reached. */
  stale: boolean;
}

const EMPTY_DRAFT: CommentDraft = { body: '', spoiler: false };
const NOT_LOADED: CommentsState = { load: LOADING, items: [], nextCursor: null, loadingMore: false, stale: false };

interface CommentsContext {
  backend: SidebarPort;
  /** The canon id of the book shown, read when an action runs. */
  bookId: () => string | null;
  /** Its title, naming it in the outbox's list. */
  bookTitle: () => string | undefined;
  announce: (text: string) => void;
  /** A comment, or an edit or deletion of one, went into the outbox. */
  onQueued: (write: PendingWrite) => void;
}

export function createCommentsState({ backend, bookId, bookTitle, announce, onQueued }: CommentsContext) {
  const comments = signal<CommentsState>(NOT_LOADED);
  const draft = signal<CommentDraft>(EMPTY_DRAFT);
  const posting = signal(false);

  /** Loads the first page and the saved draft of the book now shown. */
  async function openBook(): Promise<void> {
    comments.value = NOT_LOADED;
    draft.value = EMPTY_DRAFT;
    const id = bookId();
    if (id === null) return;
    await Promise.all([loadComments(), loadDraft(id)]);
  }

  async function loadComments(): Promise<void> {
    const id = bookId();
    if (id === null) return;
    const result = await backend.loadComments(id, null);
    if (result.ok) {
      const { page, stale } = result.value;
      const { comments: items, nextCursor } = page;
      comments.value = { load: { status: 'ready', value: null }, items, nextCursor, loadingMore: false, stale };
      announce(t('sidebar.comments.loaded', items.length));
    } else {
      comments.value = { ...comments.value, load: fromResult(result) as Load<null>, loadingMore: false };
    }
  }

  async function loadMoreComments(): Promise<void> {
    const id = bookId();
    const { nextCursor, loadingMore } = comments.value;
    if (id === null || nextCursor === null || loadingMore) return;
    comments.value = { ...comments.value, loadingMore: true };
    const result = await backend.loadComments(id, nextCursor);
    if (!result.ok) {
      comments.value = { ...comments.value, loadingMore: false };
      announce(result.error.message);
      return;
    }
    // A comment posted meanwhile shifts the pages; show each comment once.
    const known = new Set(comments.value.items.map((c) => c.id));
    const added = result.value.page.comments.filter((c) => !known.has(c.id));
    comments.value = {
      ...comments.value,
      items: [...comments.value.items, ...added],
      nextCursor: result.value.page.nextCursor,
      loadingMore: false,
    };
    announce(t('sidebar.comments.loadedMore', added.length));
  }

  async function loadDraft(id: string): Promise<void> {
    const result = await backend.loadDraft(id);
    // A draft typed before the saved one arrived wins: it is newer.
    if (result.ok && result.value && draft.value.body === '') draft.value = result.value;
  }

  function editDraft(change: Partial<CommentDraft>): void {
    const id = bookId();
    draft.value = { ...draft.value, ...change };
    if (id !== null) void backend.saveDraft(id, draft.value);
  }

  /** The draft's text as it would be posted, or why not. */
  function checkDraft(): ActionOutcome {
    const checked = checkComment(draft.value.body);
    return checked.ok ? { ok: true } : { ok: false, refusal: checked.reason };
  }

  async function postComment(): Promise<ActionOutcome> {
    const id = bookId();
    const checked = checkComment(draft.value.body);
    if (!checked.ok) return { ok: false, refusal: checked.reason };
    if (id === null) return { ok: false };
    posting.value = true;
    const result = await backend.postComment(id, { body: checked.value, spoiler: draft.value.spoiler }, bookTitle());
    posting.value = false;
    if (!result.ok) {
      // The draft stays, in the form and in storage, until a post succeeds.
      announce(t('sidebar.form.failed', [result.error.message]));
      return { ok: false, message: result.error.message, code: result.error.code };
    }
    draft.value = EMPTY_DRAFT;
    void backend.saveDraft(id, null);
    onQueued(result.value);
    announce(t('sidebar.form.queued'));
    return { ok: true };
  }

  async function flagComment(commentId: string, reason: FlagReason): Promise<ActionOutcome> {
    const id = bookId();
    if (id === null) return { ok: false };
    const result = await backend.flagComment(id, commentId, reason);
    announce(result.ok ? t('sidebar.comments.flagged') : result.error.message);
    return result.ok ? { ok: true } : { ok: false, message: result.error.message, code: result.error.code };
  }

  /** Queues the reader's own comment as it should read now; it shows so, pending, until the server has it. */
  async function editComment(commentId: string, change: CommentDraft): Promise<ActionOutcome> {
    const id = bookId();
    const checked = checkComment(change.body);
    if (!checked.ok) return { ok: false, refusal: checked.reason };
    if (id === null) return { ok: false };
    const result = await backend.editComment(
      id,
      commentId,
      { body: checked.value, spoiler: change.spoiler },
      bookTitle(),
    );
    if (!result.ok) {
      announce(t('myComment.failed', [result.error.message]));
      return { ok: false, message: result.error.message, code: result.error.code };
    }
    onQueued(result.value);
    announce(t('myComment.saved'));
    return { ok: true };
  }

  /** Queues the deletion of the reader's own comment; it leaves the list once the server has it. */
  async function deleteComment(commentId: string): Promise<ActionOutcome> {
    const id = bookId();
    if (id === null) return { ok: false };
    const result = await backend.deleteComment(id, commentId, bookTitle());
    if (!result.ok) {
      announce(t('myComment.failed', [result.error.message]));
      return { ok: false, message: result.error.message, code: result.error.code };
    }
    onQueued(result.value);
    announce(t('myComment.deleted'));
    return { ok: true };
  }

  return {
    comments,
    draft,
    posting,
    openBook,
    loadComments,
    loadMoreComments,
    editDraft,
    checkDraft,
    postComment,
    flagComment,
    editComment,
    deleteComment,
  };
}
