/**
 * Vega Discover (Innovative), the Angular discovery layer on
 * `<library>.<region>.iiivega.com`. A title's page is a "card" for a format
 * group (`/search/card?id=<uuid>&entityType=FormatGroup`): all editions of
 * one format together, so the ISBNs listed under its editions are several
 * editions' and are not reported. The app renders after load; an early
 * detection finds no heading and returns null.
 */
import { buildBookRef } from '../base/bookref';
import { allTexts, firstText } from '../base/page';
import { formatFromWord } from '../signals/reading';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['app-entity-card h1', '.entity-card-title', 'h1'],
  authors: ['app-entity-card a[href*="searchType=agent"]', 'a[href*="/search?"][href*="agent"]'],
  format: ['.format-group-name', '.selected-format'],
} as const;

const CARD_PATH = /^\/search\/card\/?$/;

export const vega: SiteAdapter = {
  id: 'vega',
  name: 'Vega Discover',
  // An Angular app.
  navigatesInPlace: true,
  matches: ['*://*.iiivega.com/*'],
  test: (url) => /\.iiivega\.com$/.test(url.hostname),
  detect(doc: Document, url: URL): BookRef | null {
    // Results (`/search?query=`), lists and the home page.
    // A card is opened by format-group id or, from a library's own links, by bib record (`recordId=`).
    if (!CARD_PATH.test(url.pathname) || !/[?&](?:id|recordId)=\w/.test(url.search)) return null;
    const format = formatFromWord(firstText(doc, SELECTORS.format));
    return buildBookRef({
      site: 'vega',
      signals: ['site:vega'],
      isbns: [],
      title: firstText(doc, SELECTORS.title),
      authors: allTexts(doc, SELECTORS.authors),
      format,
    });
  },
};

// Page types:
//   card     https://<library>.na2.iiivega.com/search/card?id=4f6e2d1c-9b8a-5c7d-a3e1-0f2b4c6d8e9a&entityType=FormatGroup
//   record   https://nypl.na2.iiivega.com/search/card?recordId=21678146
//   results  https://<library>.na2.iiivega.com/search?query=klara%20and%20the%20sun&searchType=everything&pageSize=10
// No saved card page found in public repositories (the app renders in the browser); the recordId= card
// links are the ones NYPL's public account code builds for its checkouts.
