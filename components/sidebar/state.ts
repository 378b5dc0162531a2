/**
 * The sidebar's state and actions. Panels read these signals and call these
 * actions; nothing here renders. Created per sidebar with its backend, so
 * tests pass a fake.
 */
import { batch, computed, signal } from '@preact/signals';
import type { FlagReason } from '../../lib/canon/limits';
import type { Comment, MyBookState } from '../../lib/canon/responses';
import type { Result } from '../../lib/messages/result';
import { addTag, checkComment, checkNominationReason, checkReviewLink } from '../../lib/reader-input';
import type { BookView, ChangeTopic, CommentDraft, PendingWrite, ReaderIdentity, SidebarBackend, SidebarLayout } from '../backend';
import { t } from '../i18n';
import { fromResult, LOADING, readyValue, type Load } from '../shared/load';
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

export function createSidebarState(backend: SidebarBackend) {
  const layout = signal<SidebarLayout | null>(null);
  const book = signal<Load<BookView | null>>(LOADING);
  const comments = signal<CommentsState>({ load: LOADING, items: [], nextCursor: null, loadingMore: false, stale: false });
  const mine = signal<Load<MyBookState | null>>(LOADING);
  const identity = signal<Load<ReaderIdentity | null>>(LOADING);
  const pending = signal<PendingWrite[]>([]);
  const draft = signal<CommentDraft>(EMPTY_DRAFT);
  const posting = signal(false);
  /** The latest sentence for the screen-reader live region. */
  const announcement = signal('');

  const bookId = computed(() => {
    const view = readyValue(book.value);
    return view?.lookup.inCanon ? view.lookup.entry.id : null;
  });

  function announce(text: string): void {
    announcement.value = text;
  }

  async function loadBook(): Promise<void> {
    book.value = fromResult(await backend.loadBook());
  }

  async function loadComments(): Promise<void> {
    const result = await backend.loadComments(null);
    if (result.ok) {
      comments.value = { load: { status: 'ready', value: null }, items: result.value.comments, nextCursor: result.value.nextCursor, loadingMore: false, stale: result.value.stale };
      announce(t('sidebar.comments.loaded', result.value.comments.length));
    } else {
      comments.value = { ...comments.value, load: fromResult(result) as Load<null>, loadingMore: false };
    }
  }

  async function loadMoreComments(): Promise<void> {
    const { nextCursor, loadingMore } = comments.value;
    if (nextCursor === null || loadingMore) return;
    comments.value = { ...comments.value, loadingMore: true };
    const result = await backend.loadComments(nextCursor);
    if (result.ok) {
      const known = new Set(comments.value.items.map((c) => c.id));
      const added = result.value.comments.filter((c) => !known.has(c.id));
      comments.value = { ...comments.value, items: [...comments.value.items, ...added], nextCursor: result.value.nextCursor, loadingMore: false };
      announce(t('sidebar.comments.loadedMore', added.length));
    } else {
      comments.value = { ...comments.value, loadingMore: false };
      announce(result.error.message);
    }
  }

  async function loadMine(): Promise<void> {
    mine.value = fromResult(await backend.loadMine());
  }

  async function loadIdentity(): Promise<void> {
    identity.value = fromResult(await backend.loadIdentity());
  }

  async function loadPending(): Promise<void> {
    const result = await backend.loadPending();
    if (result.ok) pending.value = result.value;
  }

  const reloaders: Record<ChangeTopic, () => Promise<void>> = {
    book: loadBook,
    comments: loadComments,
    mine: loadMine,
    outbox: loadPending,
    identity: loadIdentity,
    settings: loadLayout,
  };

  async function loadLayout(): Promise<void> {
    const result = await backend.loadLayout();
    // Without a saved layout the sidebar still works: collapsed, on the right.
    layout.value = result.ok ? result.value : { open: false, side: 'right', theme: 'system' };
  }

  /** Loads everything and follows the background's change notices; call the answer to stop. */
  function start(): () => void {
    const unsubscribe = backend.onChange((topic) => void reloaders[topic]());
    void Promise.all([loadLayout(), loadBook(), loadComments(), loadMine(), loadIdentity(), loadPending(), loadDraft()]);
    return unsubscribe;
  }

  async function loadDraft(): Promise<void> {
    const result = await backend.loadDraft();
    // A draft typed before the saved one arrived wins: it is newer.
    if (result.ok && result.value && draft.value.body === '') draft.value = result.value;
  }

  function setLayout(change: Partial<Pick<SidebarLayout, 'open' | 'side'>>): void {
    const current = layout.value ?? { open: false, side: 'right' as const, theme: 'system' as const };
    const next = { ...current, ...change };
    layout.value = next;
    void backend.saveLayout({ open: next.open, side: next.side });
  }

  function editDraft(change: Partial<CommentDraft>): void {
    draft.value = { ...draft.value, ...change };
    void backend.saveDraft(draft.value);
  }

  async function postComment(): Promise<ActionOutcome> {
    const checked = checkComment(draft.value.body);
    if (!checked.ok) return { ok: false, refusal: checked.reason };
    posting.value = true;
    const result = await backend.postComment({ body: checked.value, spoiler: draft.value.spoiler });
    posting.value = false;
    if (!result.ok) {
      // The draft stays, in the form and in storage, until a post succeeds.
      announce(t('sidebar.form.failed', [result.error.message]));
      return { ok: false, message: result.error.message, code: result.error.code };
    }
    batch(() => {
      draft.value = EMPTY_DRAFT;
      pending.value = [...pending.value.filter((w) => w.id !== result.value.id), result.value];
    });
    void backend.saveDraft(null);
    announce(t('sidebar.form.queued'));
    return { ok: true };
  }

  async function run(action: Promise<Result<null>>, doneText: string): Promise<ActionOutcome> {
    const result = await action;
    if (!result.ok) {
      announce(result.error.message);
      return { ok: false, message: result.error.message, code: result.error.code };
    }
    announce(doneText);
    return { ok: true };
  }

  function flagComment(commentId: string, reason: FlagReason): Promise<ActionOutcome> {
    return run(backend.flagComment(commentId, reason), t('sidebar.comments.flagged'));
  }

  function myTags(): string[] {
    return readyValue(mine.value)?.tags ?? [];
  }

  async function saveTags(tags: string[]): Promise<ActionOutcome> {
    const before = mine.value;
    const current = readyValue(before);
    // Shown at once; put back if the background refuses.
    if (current) mine.value = { status: 'ready', value: { ...current, tags } };
    const outcome = await run(backend.setTags(tags), t('tags.saved'));
    if (!outcome.ok) mine.value = before;
    return outcome;
  }

  function addMyTag(raw: string): Promise<ActionOutcome> {
    const checked = addTag(myTags(), raw);
    if (!checked.ok) return Promise.resolve({ ok: false, refusal: checked.reason });
    return saveTags(checked.value);
  }

  function removeMyTag(tag: string): Promise<ActionOutcome> {
    return saveTags(myTags().filter((x) => x !== tag));
  }

  function addLink(url: string, title: string): Promise<ActionOutcome> {
    const checked = checkReviewLink(url, title);
    if (!checked.ok) return Promise.resolve({ ok: false, refusal: checked.reason });
    return run(backend.addLink(checked.value.url, checked.value.title), t('sidebar.links.added'));
  }

  function nominate(reason: string): Promise<ActionOutcome> {
    const checked = checkNominationReason(reason);
    if (!checked.ok) return Promise.resolve({ ok: false, refusal: checked.reason });
    return run(backend.nominate(checked.value), t('sidebar.nomination.sent'));
  }

  function second(nominationId: string): Promise<ActionOutcome> {
    return run(backend.second(nominationId), t('sidebar.nomination.seconded'));
  }

  function resendConfirmation(): Promise<ActionOutcome> {
    return run(backend.resendConfirmation(), t('identity.resent'));
  }

  function retryWrite(writeId: string): Promise<ActionOutcome> {
    return run(backend.retryWrite(writeId), t('outbox.retrying'));
  }

  function openOptions(): void {
    void backend.openOptions();
  }

  return {
    layout,
    book,
    bookId,
    comments,
    mine,
    identity,
    pending,
    draft,
    posting,
    announcement,
    start,
    loadBook,
    loadComments,
    loadMoreComments,
    setLayout,
    editDraft,
    postComment,
    flagComment,
    addMyTag,
    removeMyTag,
    addLink,
    nominate,
    second,
    resendConfirmation,
    retryWrite,
    openOptions,
  };
}

export type SidebarState = ReturnType<typeof createSidebarState>;
