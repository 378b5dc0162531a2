/**
 * The popup's state and actions: the current tab's book, the reader's rating
 * and tags for it. Rating and tags show at once and are put back if the
 * background refuses them.
 */
import { signal } from '@preact/signals';
import type { MyBookState } from '../../lib/shared/api/responses';
import type { Result } from '../../lib/shared/messages/result';
import { addTag } from '../../lib/pages/reader-input';
import type { RatingValue } from '../../lib/shared/api/limits';
import type { ChangeTopic } from '../../lib/shared/messages/change-feed';
import type { Theme } from '../../lib/shared/settings/appearance';
import type { AnsweredBook, PopupPort, ReaderIdentity } from '../ports';
import { t } from '../i18n';
import { fromResult, LOADING, readyValue, type Load } from '../shared/load';
import { tabBookLoad } from '../shared/tab-book';
import type { ActionOutcome } from '../shared/outcome';
import type { CanonSite } from '../shared/canon-site';

export function createPopupState(backend: PopupPort) {
  const book = signal<Load<AnsweredBook | null>>(LOADING);
  const identity = signal<Load<ReaderIdentity | null>>(LOADING);
  const theme = signal<Theme>('system');
  /** The canon's web site, for the link to the book's page there. */
  const site = signal<CanonSite | null>(null);
  const announcement = signal('');

  async function loadBook(): Promise<void> {
    book.value = tabBookLoad(await backend.loadBook());
  }

  async function loadIdentity(): Promise<void> {
    identity.value = fromResult(await backend.loadIdentity());
  }

  async function loadTheme(): Promise<void> {
    const result = await backend.loadSettings();
    if (result.ok) theme.value = result.value.theme;
    site.value = result.ok ? { serverUrl: result.value.serverUrl, canonName: result.value.canonName } : null;
  }

  const reloaders: Partial<Record<ChangeTopic, () => Promise<void>>> = {
    book: loadBook,
    mine: loadBook,
    identity: loadIdentity,
    settings: loadTheme,
  };

  function start(): () => void {
    const unsubscribe = backend.onChange((topic) => void reloaders[topic]?.());
    void Promise.all([loadBook(), loadIdentity(), loadTheme()]);
    return unsubscribe;
  }

  /** Shows `change` to the reader's own state at once; restores the old state if `write` fails. */
  async function optimistic(
    change: Partial<MyBookState>,
    write: (bookId: string) => Promise<Result<unknown>>,
    doneText: string,
  ): Promise<ActionOutcome> {
    const before = book.value;
    const current = readyValue(before);
    if (!current?.canon.answer.inCanon) return { ok: false };
    const bookId = current.canon.answer.entry.id;
    const mine: MyBookState = { bookId, rating: null, tags: [], provisional: true, ...current.mine, ...change };
    book.value = { status: 'ready', value: { ...current, mine } };
    const result = await write(bookId);
    if (!result.ok) {
      book.value = before;
      announcement.value = result.error.message;
      return { ok: false, message: result.error.message, code: result.error.code };
    }
    announcement.value = doneText;
    return { ok: true };
  }

  function myTags(): string[] {
    return readyValue(book.value)?.mine?.tags ?? [];
  }

  function rate(value: RatingValue): Promise<ActionOutcome> {
    return optimistic({ rating: value }, (id) => backend.setRating(id, value), t('rating.saved'));
  }

  function removeRating(): Promise<ActionOutcome> {
    return optimistic({ rating: null }, (id) => backend.setRating(id, null), t('rating.removed'));
  }

  function addMyTag(raw: string): Promise<ActionOutcome> {
    const checked = addTag(myTags(), raw);
    if (!checked.ok) return Promise.resolve({ ok: false, refusal: checked.reason });
    return optimistic({ tags: checked.value }, (id) => backend.setTags(id, checked.value), t('tags.saved'));
  }

  function removeMyTag(tag: string): Promise<ActionOutcome> {
    const tags = myTags().filter((x) => x !== tag);
    return optimistic({ tags }, (id) => backend.setTags(id, tags), t('tags.saved'));
  }

  return {
    site,
    book,
    identity,
    theme,
    announcement,
    start,
    loadBook,
    rate,
    removeRating,
    addMyTag,
    removeMyTag,
    openSidebar: () => void backend.openSidebar(),
    openOptions: () => void backend.openOptions(),
  };
}

export type PopupState = ReturnType<typeof createPopupState>;
