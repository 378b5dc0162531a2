import { buildBookRef } from '../base/bookref';
import { allTexts, metaContent } from '../base/page';
import { textOf } from '../base/text';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  heading: '.headsummary h1', // "Pemberley: … <span class="date">(1993)</span>"
  headingDate: '.date',
  authors: ['.headsummary h2 a'],
};

/** Work pages (`/work/413508`); their editions list, reviews etc. live below it. */
const WORK_PATH = /^\/work\/\d+\/?$/;

function detect(doc: Document): BookRef | null {
  const heading = doc.querySelector(SELECTORS.heading);
  if (!heading) return null;
  const clone = heading.cloneNode(true) as Element;
  clone.querySelectorAll(SELECTORS.headingDate).forEach((date) => date.remove());
  return buildBookRef({
    site: 'librarything',
    signals: ['site:librarything', 'og'],
    // A work aggregates editions; books:isbn names the one edition LibraryThing represents it by.
    isbns: [metaContent(doc, 'books:isbn')],
    title: textOf(clone),
    authors: allTexts(doc, SELECTORS.authors),
  });
}

export const librarything: SiteAdapter = {
  id: 'librarything',
  name: 'LibraryThing',
  matches: ['*://*.librarything.com/*'],
  test: (url) => /(^|\.)librarything\.com$/.test(url.hostname) && WORK_PATH.test(url.pathname),
  detect,
};

// Tested on:
// http://www.librarything.com/work/413508 (2016 layout)
// Checked against real pages: mart2010/brd brd/test/mockresponse/mockobject/LTWorkmain_413508_revs_nolang.html,
//   Work_Breaking-Dawn_LibraryThing.html (2016)
