import { buildBookRef } from '../base/bookref';
import { allTexts, firstText, labelledValues } from '../base/page';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['h1 [data-test="title"]'],
  authors: ['.pdp-header__meta-item a[data-role="AUTHOR"]'],
  /** Specifications: `<div class="specs__row"><dt class="specs__title">EAN</dt><dd>…` */
  specRows: '.specs__row',
  specLabel: '.specs__title',
};

/**
 * Product pages are `/<cc>/<lang>/p/<slug>/<id>/`, product-family pages (one
 * format of a book chosen) `/f/<slug>/<id>/`, and before ~2020 `/nl/p/…`;
 * searches are `/s/`, categories `/l/`.
 */
const PRODUCT_PATH = /^(?:\/[a-z]{2}){1,2}\/[pf]\/[^/]+\/\d+/;

function detect(doc: Document): BookRef | null {
  const specs = labelledValues(doc.querySelectorAll(SELECTORS.specRows), SELECTORS.specLabel);
  const ean = specs.get('isbn13') ?? specs.get('ean') ?? '';
  const title = firstText(doc, SELECTORS.title);
  // Non-book products also have an EAN; only a valid 978/979 EAN is an ISBN, and it needs a title.
  // Without both (product-family pages, some French pages), the schema.org Book JSON-LD bol.com
  // ships, with the EAN as `isbn`, is left to the generic signals: this gives null.
  if (!title || !/^97[89]\d{10}$/.test(ean.replace(/\D/g, ''))) return null;
  return buildBookRef({
    site: 'bol',
    signals: ['site:bol'],
    isbns: [ean],
    title,
    authors: allTexts(doc, SELECTORS.authors),
  });
}

export const bol: SiteAdapter = {
  id: 'bol',
  name: 'bol.com',
  matches: ['*://*.bol.com/*'],
  test: (url) => /(^|\.)bol\.com$/.test(url.hostname),
  detect: (doc, url) => (PRODUCT_PATH.test(url.pathname) ? detect(doc) : null),
};

// Tested on:
// https://www.bol.com/be/nl/p/foundation-trilogy/1001004009994645/
// https://www.bol.com/be/nl/s/asimov+foundation/ (search: null)
// Checked against real pages: tfonteyn/NeverTooManyBooks app/src/androidTest/res/raw/
//   bol_9781841593326.html, bol_9789044544725.html (/f/),
//   bol_9789044652901_be_nl_dutch.html (/f/), bol_9789044652901_nl_fr.html (a French page with no title),
//   bol_9789056478193.html, bol_asimov_foundation.html and bol_multi_1_result_9789056478193.html (searches) (2024)
