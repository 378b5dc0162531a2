/**
 * The sidebar's state and actions. Panels read these signals and call these
 * actions; nothing here renders. Created per sidebar with its backend, so
 * tests pass a fake.
 */
import { signal } from '@preact/signals';
import type { MyBookState } from '../../lib/shared/api/responses';
import type { Result } from '../../lib/shared/messages/result';
import { addTag, checkNominationReason, checkReviewLink } from '../../lib/pages/reader-input';
import type { ChangeTopic, PendingWrite, ReaderIdentity, SidebarBackend, SidebarBook, SidebarLayout } from '../backend';
import { t } from '../i18n';
import { fromResult, LOADING, readyValue, type Load } from '../shared/load';
import type { ActionOutcome } from '../shared/outcome';
import { createCommentsState } from './comments-state';

export type { CommentsState } from './comments-state';

// Without a saved layout the sidebar still works: collapsed, on the right.
const DEFAULT_LAYOUT: SidebarLayout = { open: false, side: 'right', theme: 'system' };

export function createSidebarState(backend: SidebarBackend) {
  const layout = signal<SidebarLayout | null>(null);
  const book = signal<Load<SidebarBook | null>>(LOADING);
  const mine = signal<Load<MyBookState | null>>(LOADING);
  const identity = signal<Load<ReaderIdentity | null>>(LOADING);
  const pending = signal<PendingWrite[]>([]);
  /** The latest sentence for the screen-reader live region. */
  const announcement = signal('');

  const bookId = () => {
    const view = readyValue(book.value);
    return view?.lookup.inCanon ? view.lookup.entry.id : null;
  };
  const announce = (text: string) => void (announcement.value = text);

  const commenting = createCommentsState({
    backend,
    bookId,
    announce,
    onQueued: (write) => void (pending.value = [...pending.value.filter((w) => w.id !== write.id), write]),
  });

  /** Loads the tab's book; when it is another book than before (single-page sites), its comments and draft too. */
  async function loadBook(): Promise<void> {
    const before = bookId();
    book.value = fromResult(await backend.loadBook());
    if (bookId() !== before) await commenting.openBook();
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

  async function loadLayout(): Promise<void> {
    const result = await backend.loadLayout();
    layout.value = result.ok ? result.value : DEFAULT_LAYOUT;
  }

  const reloaders: Record<ChangeTopic, () => Promise<void>> = {
    book: loadBook,
    comments: commenting.loadComments,
    mine: loadMine,
    outbox: loadPending,
    identity: loadIdentity,
    settings: loadLayout,
  };

  /** Loads everything and follows the background's change notices; call the answer to stop. */
  function start(): () => void {
    const unsubscribe = backend.onChange((topic) => void reloaders[topic]());
    void Promise.all([loadLayout(), loadBook(), loadMine(), loadIdentity(), loadPending()]);
    return unsubscribe;
  }

  function setLayout(change: Partial<Pick<SidebarLayout, 'open' | 'side'>>): void {
    const next = { ...(layout.value ?? DEFAULT_LAYOUT), ...change };
    layout.value = next;
    void backend.saveLayout({ open: next.open, side: next.side });
  }

  async function run(action: Promise<Result<unknown>>, doneText: string): Promise<ActionOutcome> {
    const result = await action;
    if (!result.ok) {
      announce(result.error.message);
      return { ok: false, message: result.error.message, code: result.error.code };
    }
    announce(doneText);
    return { ok: true };
  }

  async function saveTags(tags: string[]): Promise<ActionOutcome> {
    const id = bookId();
    if (id === null) return { ok: false };
    const before = mine.value;
    // Shown at once; put back if the background refuses.
    mine.value = {
      status: 'ready',
      value: { bookId: id, rating: null, provisional: true, ...readyValue(before), tags },
    };
    const outcome = await run(backend.setTags(id, tags), t('tags.saved'));
    if (!outcome.ok) mine.value = before;
    return outcome;
  }

  const myTags = () => readyValue(mine.value)?.tags ?? [];

  function addMyTag(raw: string): Promise<ActionOutcome> {
    const checked = addTag(myTags(), raw);
    if (!checked.ok) return Promise.resolve({ ok: false, refusal: checked.reason });
    return saveTags(checked.value);
  }

  function removeMyTag(tag: string): Promise<ActionOutcome> {
    return saveTags(myTags().filter((x) => x !== tag));
  }

  async function addLink(url: string, title: string): Promise<ActionOutcome> {
    const id = bookId();
    const checked = checkReviewLink(url, title);
    if (!checked.ok) return { ok: false, refusal: checked.reason };
    if (id === null) return { ok: false };
    return run(backend.addLink(id, checked.value.url, checked.value.title), t('sidebar.links.added'));
  }

  async function nominate(reason: string): Promise<ActionOutcome> {
    const view = readyValue(book.value);
    const checked = checkNominationReason(reason);
    if (!checked.ok) return { ok: false, refusal: checked.reason };
    if (!view) return { ok: false };
    return run(backend.nominate(view.ref, checked.value), t('sidebar.nomination.sent'));
  }

  return {
    layout,
    book,
    mine,
    identity,
    pending,
    announcement,
    ...commenting,
    start,
    loadBook,
    setLayout,
    addMyTag,
    removeMyTag,
    addLink,
    nominate,
    second: (nominationId: string) => run(backend.second(nominationId), t('sidebar.nomination.seconded')),
    resendConfirmation: () => run(backend.resendConfirmation(), t('identity.resent')),
    retryWrite: (writeId: string) => run(backend.retryWrite(writeId), t('outbox.retrying')),
    openOptions: () => void backend.openOptions(),
  };
}

export type SidebarState = ReturnType<typeof createSidebarState>;
