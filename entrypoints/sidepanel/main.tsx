import { effect } from '@preact/signals';
import { render } from 'preact';
import { Sidebar } from '../../components/sidebar/Sidebar';
import { createSidebarState } from '../../components/sidebar/state';
import { createSidebarPort, isInPage } from './port';
import { setUiLanguage } from '../../components/i18n';
import { markDocumentLanguage, readPageLanguage } from '../../lib/pages/ui-language';

// Before the first render: lang, dir and every number and date follow the browser's UI language.
const language = readPageLanguage();
markDocumentLanguage(document, language);
setUiLanguage(language.tag);

const state = createSidebarState(await createSidebarPort(), { inPage: isInPage() });
state.start();
render(<Sidebar state={state} inPage={isInPage()} />, document.getElementById('app')!);

/** User-timing mark when the book first shows (read by `npm run bench:sidebar`); "no book" is not one. */
const BOOK_SHOWN_MARK = 'bookside:book-shown';
const stopWatching = effect(() => {
  const shown = state.book.value;
  if (shown.status !== 'ready' || shown.value === null) return;
  // The next frame is the first one painted with the book in it.
  requestAnimationFrame(() => performance.mark(BOOK_SHOWN_MARK));
  queueMicrotask(() => stopWatching());
});
