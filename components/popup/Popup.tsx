import '../shared/theme.css';
import './popup.css';
import type { CanonEntry } from '../../lib/shared/api/responses';
import type { AnsweredBook } from '../ports';
import { canonPageUrl } from '../shared/canon-site';
import { EXTERNAL_LINK_REL } from '../../lib/pages/text-links';
import { isStale } from '../shared/tab-book';
import { t } from '../i18n';
import { LiveRegion } from '../shared/LiveRegion';
import { PanelFrame } from '../shared/PanelFrame';
import { MyRating } from '../shared/MyRating';
import { TagEditor } from '../shared/TagEditor';
import { readyValue } from '../shared/load';
import type { PopupState } from './state';

/** The toolbar popup: the tab's book, the reader's rating and tags, and ways to the sidebar and options. */
export function Popup({ state }: { state: PopupState }) {
  const theme = state.theme.value;
  const identityLoad = state.identity.value;
  return (
    <div class="bookside popup" data-theme={theme === 'system' ? undefined : theme}>
      <main>
        <h1 class="brand">{t('popup.title')}</h1>
        <PanelFrame
          id="popup-book"
          title={t('popup.bookHeading')}
          load={state.book.value}
          isEmpty={(book) => book === null}
          emptyText={t('popup.noBook')}
          onRetry={() => void state.loadBook()}
        >
          {(book) => book && <PopupBookView state={state} book={book} />}
        </PanelFrame>
        {identityLoad.status === 'ready' && identityLoad.value === null && !showsMyRating(state) && (
          <div class="notice">
            <p>{t('popup.noIdentity')}</p>
            <button type="button" onClick={state.openOptions}>
              {t('form.openOptions')}
            </button>
          </div>
        )}
        <footer class="popup-actions">
          <button type="button" onClick={state.openSidebar}>
            {t('popup.openSidebar')}
          </button>
          <button type="button" class="link-button" onClick={state.openOptions}>
            {t('popup.options')}
          </button>
        </footer>
      </main>
      <LiveRegion message={state.announcement} />
    </div>
  );
}

/** While the book is in the canon, the rating's own note says what happens without an identity. */
function showsMyRating(state: PopupState): boolean {
  return readyValue(state.book.value)?.canon.answer.inCanon === true;
}

function PopupBookView({ state, book }: { state: PopupState; book: AnsweredBook }) {
  const entry = book.canon.answer.inCanon ? book.canon.answer.entry : null;
  return (
    <>
      <p class="book-title" dir="auto">
        {entry?.title ?? book.book.title ?? t('status.untitled')}
      </p>
      {(entry?.authors ?? book.book.authors).length > 0 && (
        <p dir="auto">{(entry?.authors ?? book.book.authors).join(', ')}</p>
      )}
      <p class={`canon-badge ${entry ? 'in-canon' : 'not-in-canon'}`}>
        {entry ? t('status.inCanon') : t('status.notInCanon')}
      </p>
      {entry && state.site.value && (
        <p class="canon-page">
          <a href={canonPageUrl(state.site.value, entry.id)} target="_blank" rel={EXTERNAL_LINK_REL}>
            {t('status.canonPage', [state.site.value.canonName])}
          </a>
        </p>
      )}
      {isStale(book.canon) && <p class="muted">{t('state.stale')}</p>}
      {entry ? <MyPart state={state} book={book} entry={entry} /> : <p class="muted">{t('popup.nominateHint')}</p>}
    </>
  );
}

function MyPart({ state, book, entry }: { state: PopupState; book: AnsweredBook; entry: CanonEntry }) {
  const mine = book.mine;
  return (
    <>
      <MyRating
        book={book}
        id="popup-rating"
        onRate={state.rate}
        onRemove={state.removeRating}
        onSetIdentity={state.openOptions}
      />
      <h2>{t('tags.title')}</h2>
      <TagEditor
        id="popup-tags"
        tags={mine?.tags ?? []}
        suggestions={entry.tags.map((tag) => tag.tag)}
        onAdd={state.addMyTag}
        onRemove={state.removeMyTag}
      />
    </>
  );
}
