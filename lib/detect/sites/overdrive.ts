/**
 * OverDrive library sites (`<library>.overdrive.com/media/<id>`, also the
 * overdrive.com catalogue) and the Libby app (`libbyapp.com`). Each format of
 * a title is listed with its own ISBN ("EPUB ebook — ISBN: …"); Kindle Book
 * has none. Libby renders no ISBN at all, so its pages give the title id's
 * Thunder API record, which lists `formats[].isbn`, as the record link.
 * Magazines share the media pages and are not books.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { allTexts, firstText, metaContent } from '../base/page';
import { textOf } from '../base/text';
import { NO_SCHEMA, type SchemaReaders } from '../base/schema-readers';
import type { BookFormat, BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['h1.TitleDetailsHeading-title', '.title-details h1', 'h1'],
  authors: [
    '.TitleDetailsHeading-creator a',
    // overdrive.com catalogue pages link creators the same way, outside the heading block.
    '.title-details a[href*="/creators/"]',
    // Libby share pages print the creator as plain text under the title.
    '.share-title-creator',
  ],
  /** The formats list and title-information block; only ISBNs labelled "ISBN" inside them count. */
  details: '.TitleDetailsFormats, .title-details-formats, .title-details-section, .TitleDetailsTable',
  /** `<span class="TitleDetailsHeading-formatBadge"><span class="u-allCaps">eBook</span></span>` */
  mediaType: ['.TitleDetailsHeading-formatBadge', '.title-format-badge'],
} as const;

const THUNDER_RECORD = 'https://thunder.api.overdrive.com/v2/media/bulk?titleIds=';
const MEDIA_PATH = /\/media\/(\d+)(?:\/|$)/;
/** `libbyapp.com/library/<lib>/…/page-1/<titleId>` and `share.libbyapp.com/title/<titleId>`. */
const LIBBY_TITLE = /^\/(?:library\/[^/]+\/.*\/page-\d+\/(\d+)|title\/(\d+))\/?$/;

function titleId(url: URL): string | undefined {
  if (/(^|\.)libbyapp\.com$/.test(url.hostname)) {
    const match = LIBBY_TITLE.exec(url.pathname);
    return match?.[1] ?? match?.[2];
  }
  return MEDIA_PATH.exec(url.pathname)?.[1];
}

function formatOf(words: string): BookFormat | 'magazine' {
  if (/magazine/i.test(words)) return 'magazine';
  return /audiobook|listen/i.test(words) ? 'audio' : 'ebook';
}

export const overdrive: SiteAdapter = {
  id: 'overdrive',
  name: 'OverDrive and Libby',
  // Libby is a single-page app.
  navigatesInPlace: true,
  matches: ['*://*.overdrive.com/*', '*://libbyapp.com/*', '*://*.libbyapp.com/*'],
  test: (url) => /(^|\.)(overdrive|libbyapp)\.com$/.test(url.hostname),
  urlMayBeBook: (url) => titleId(url) !== undefined,
  readsSchema: true,
  detect(doc: Document, url: URL, schema: SchemaReaders = NO_SCHEMA): BookRef | null {
    const id = titleId(url);
    if (!id) return null;
    const detailsText = [...doc.querySelectorAll(SELECTORS.details)].map((el) => textOf(el)).join(' ');
    const format = formatOf(`${firstText(doc, SELECTORS.mediaType)} ${detailsText}`);
    if (format === 'magazine') return null;
    const labelled = findIsbnCandidates(detailsText).filter((candidate) => candidate.label?.startsWith('ISBN'));
    const jsonld = schema.jsonLd(doc);
    const isbns = labelled.length > 0 ? labelled.map((candidate) => candidate.isbn13) : jsonld.isbns;
    // Libby's document title is the book's ("Project Hail Mary - Libby").
    const title =
      firstText(doc, SELECTORS.title) || metaContent(doc, 'og:title') || doc.title.replace(/\s+-\s+Libby$/, '');
    return buildBookRef({
      site: 'overdrive',
      signals: ['site:overdrive'],
      isbns,
      title,
      authors: allTexts(doc, SELECTORS.authors).length > 0 ? allTexts(doc, SELECTORS.authors) : jsonld.authors,
      format: jsonld.format ?? format,
      recordLink: isbns.length === 0 ? THUNDER_RECORD + id : undefined,
    });
  },
};

// Page types:
//   media (library)  https://lapl.overdrive.com/media/5906733
//   media (catalog)  https://www.overdrive.com/media/5906733/project-hail-mary
//   Libby title      https://libbyapp.com/library/lapl/everything/page-1/5906733
//   Libby share      https://share.libbyapp.com/title/5906733
//   search           https://lapl.overdrive.com/search?query=andy%20weir
//   Libby search     https://libbyapp.com/search/lapl/search/query-andy%20weir/page-1
// No saved title page found in public repositories. Heading, creator link and format badge
// (.TitleDetailsHeading-formatBadge, not -format) are what public OverDrive scrapers and userscripts read.
