/**
 * The sidebar's state and actions. Panels read these signals and call these
 * actions; nothing here renders. Created per sidebar with its port, so tests
 * pass a fake.
 */
import { computed, signal } from '@preact/signals';
import type { MyBookState } from '../../lib/shared/api/responses';
import type { PendingWrite, SettingsView } from '../../lib/shared/messages/views';
import type { Result } from '../../lib/shared/messages/result';
import { addTag, checkNominationReason, checkReviewLink } from '../../lib/pages/reader-input';
import { type SidebarLayout, type Theme } from '../../lib/shared/settings/appearance';
import { DEFAULT_SIDEBAR_LAYOUT } from '../../lib/shared/settings/defaults';
import { canonPageUrl, type CanonSite } from '../shared/canon-site';
import type { AnsweredBook, ChangeListener, ReaderIdentity, SidebarPort } from '../ports';
import { t } from '../i18n';
import { fromResult, LOADING, readyValue, type Load } from '../shared/load';
import type { ActionOutcome } from '../shared/outcome';
import { createCommentsState } from './comments-state';
import { isStale, tabBookLoad } from '../shared/tab-book';

export type { CommentsState } from './comments-state';

export interface SidebarLook {
  layout: SidebarLayout;
  theme: Theme;
}

/** `inPage`: framed beside the page; otherwise in the browser's own side panel, which is always open. */
export function createSidebarState(port: SidebarPort, { inPage = true }: { inPage?: boolean } = {}) {
  const look = signal<SidebarLook | null>(null);
  const site = signal<CanonSite | null>(null);
  const book = signal<Load<AnsweredBook | null>>(LOADING);
  const identity = signal<Load<ReaderIdentity | null>>(LOADING);
  /** The latest sentence for the screen-reader live region. */
  const announcement = signal('');

  /**
   * The reader's own rating and tags, from the same view as the book. With an
   * identity but no answer about them while the canon answers from the cache
   * or the snapshot, the server was not reached: they are offline, not empty.
   */
  const mine = computed<Load<MyBookState | null>>(() => {
    if (book.value.status !== 'ready') return book.value;
    const view = book.value.value;
    if (view?.identity.registered && view.mine === null && isStale(view.canon)) return { status: 'offline' };
    return { status: 'ready', value: view?.mine ?? null };
  });
  /** The outbox's writes about this book. */
  const pending = computed<PendingWrite[]>(() => readyValue(book.value)?.pending ?? []);

  const bookId = () => {
    const view = readyValue(book.value);
    return view?.canon.answer.inCanon ? view.canon.answer.entry.id : null;
  };
  const announce = (text: string) => void (announcement.value = text);

  /** Shows a change to the book's view at once (the background's next answer replaces it). */
  const patchBook = (change: (view: AnsweredBook) => AnsweredBook) => {
    const view = readyValue(book.value);
    if (view) book.value = { status: 'ready', value: change(view) };
  };

  const commenting = createCommentsState({
    backend: port,
    bookId,
    announce,
    onQueued: (write) =>
      patchBook((view) => ({ ...view, pending: [...view.pending.filter((w) => w.id !== write.id), write] })),
  });

  // One request at a time: notices arriving meanwhile ask for one more load after it.
  let loading: Promise<void> | null = null;
  let again = false;
  async function loadOnce(): Promise<void> {
    const before = bookId();
    book.value = tabBookLoad(await port.loadBook());
    if (bookId() !== before) await commenting.openBook();
  }
  /** Loads the tab's book; when it is another book than before (single-page sites), its comments and draft too. */
  function loadBook(): Promise<void> {
    if (loading !== null) {
      again = true;
      return loading;
    }
    loading = (async () => {
      do {
        again = false;
        await loadOnce();
      } while (again);
    })().finally(() => (loading = null));
    return loading;
  }

  async function loadIdentity(): Promise<void> {
    identity.value = fromResult(await port.loadIdentity());
  }

  async function loadLook(): Promise<void> {
    const result = await port.loadSettings();
    look.value = result.ok ? lookOf(result.value, inPage) : { layout: DEFAULT_SIDEBAR_LAYOUT, theme: 'system' };
    site.value = result.ok ? { serverUrl: result.value.serverUrl, canonName: result.value.canonName } : null;
  }

  const reloaders: Record<Parameters<ChangeListener>[0], () => Promise<void>> = {
    book: loadBook,
    mine: loadBook,
    outbox: loadBook,
    comments: commenting.loadComments,
    identity: loadIdentity,
    settings: loadLook,
  };

  /** Loads everything and follows the background's change notices; call the answer to stop. */
  function start(): () => void {
    const unsubscribe = port.onChange((topic) => void reloaders[topic]());
    void Promise.all([loadLook(), loadBook(), loadIdentity()]);
    return unsubscribe;
  }

  function setLayout(change: Partial<Pick<SidebarLayout, 'open' | 'side'>>): void {
    const current = look.value ?? { layout: DEFAULT_SIDEBAR_LAYOUT, theme: 'system' as const };
    const layout = { ...current.layout, ...change };
    look.value = { ...current, layout };
    void port.saveLayout({ open: layout.open, side: layout.side });
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
    const before = book.value;
    // Shown at once; put back if the background refuses.
    patchBook((view) => ({
      ...view,
      mine: { bookId: id, rating: null, provisional: true, ...view.mine, tags },
    }));
    const outcome = await run(port.setTags(id, tags), t('tags.saved'));
    if (!outcome.ok) book.value = before;
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
    return run(port.addLink(id, checked.value.url, checked.value.title), t('sidebar.links.added'));
  }

  async function nominate(reason: string): Promise<ActionOutcome> {
    const view = readyValue(book.value);
    const checked = checkNominationReason(reason);
    if (!checked.ok) return { ok: false, refusal: checked.reason };
    if (!view) return { ok: false };
    return run(port.nominate(view.book, checked.value), t('sidebar.nomination.sent'));
  }

  /** Copies a comment's permalink on the canon's web pages. */
  async function copyCommentLink(commentId: string): Promise<ActionOutcome> {
    const id = bookId();
    if (site.value === null || id === null) return { ok: false };
    return run(port.copyText(canonPageUrl(site.value, id, commentId)), t('comments.linkCopied'));
  }

  return {
    look,
    site,
    copyCommentLink,
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
    second: (nominationId: string) => run(port.second(nominationId), t('sidebar.nomination.seconded')),
    resendConfirmation: () => run(port.resendConfirmation(), t('identity.resent')),
    retryWrite: (writeId: string) => run(port.retryWrite(writeId), t('outbox.retrying')),
    openOptions: () => void port.openOptions(),
  };
}

/** In the browser's side panel the browser frames it: always open there. */
function lookOf(settings: SettingsView, inPage: boolean): SidebarLook {
  return { layout: { ...settings.sidebar, open: inPage ? settings.sidebar.open : true }, theme: settings.theme };
}

export type SidebarState = ReturnType<typeof createSidebarState>;
