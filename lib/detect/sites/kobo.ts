import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { allTexts, firstText } from '../base/page';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['h1.title.product-field', '.title-widget h1'],
  authors: ['.contributor-list .visible-contributors a.contributor-name', '.authors a.contributor-name'],
  /** "Book ID: 9789021462691" (no ISBN label) in the eBook details list; older pages say "ISBN:". */
  detailItems: ['.bookitem-secondary-metadata li', '.BookItemDetailSecondaryMetadataWidget li'], // tried in turn: a selector list is Chromium's slow querySelectorAll path
};

/** Product pages only: `/<country>/<lang>/ebook/<slug>` or `/audiobook/<slug>`. */
const PRODUCT_PATH = /^\/[a-z]{2}\/[a-z]{2}\/(ebook|audiobook)\/[^/]+/;

function detect(doc: Document, url: URL): BookRef | null {
  const kind = PRODUCT_PATH.exec(url.pathname)?.[1];
  const idItem = allTexts(doc, SELECTORS.detailItems).find((text) => /^(Book ID|ISBN|EAN)\b/i.test(text)) ?? '';
  return buildBookRef({
    site: 'kobo',
    signals: ['site:kobo'],
    isbns: findIsbnCandidates(idItem).map((candidate) => candidate.isbn13),
    title: firstText(doc, SELECTORS.title),
    authors: allTexts(doc, SELECTORS.authors),
    format: kind === 'audiobook' ? 'audio' : 'ebook',
  });
}

export const kobo: SiteAdapter = {
  id: 'kobo',
  name: 'Rakuten Kobo',
  matches: ['*://*.kobo.com/*'],
  test: (url) => /(^|\.)kobo\.com$/.test(url.hostname) && PRODUCT_PATH.test(url.pathname),
  detect,
};

// Tested on:
// https://www.kobo.com/nl/nl/ebook/het-weeshuis-in-de-azuurblauwe-zee
// Checked against a real page: SEB534542/gobookprices prices/testdata/kobo1.html
