/**
 * Koha, the open-source ILS many libraries host themselves, so it is
 * recognised by its OPAC paths or its `generator` meta, not by host. The
 * detail page is rendered by MARC21slim2OPACDetail.xsl: ISBNs as
 * `span[property=isbn]` (with qualifiers such as "(paperback)"), the MARC 505
 * contents note as `.results_summary.contents`. Records without an 020 field
 * point to the MARCXML export instead.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildAdapterBook } from '../base/bookref';
import { allTexts, firstText, metaContent } from '../base/page';
import { cleanText, stripResponsibility, textOf } from '../base/text';
import type { AdapterBook, SiteAdapter } from '../base/types';

const SELECTORS = {
  isbns: [
    '.results_summary.isbn [property="isbn"]',
    // Older (prog theme) detail pages without RDFa properties.
    '.results_summary.isbn',
  ],
  title: ['h1.title', 'h2.title', '#catalogue_detail_biblio .title'],
  authors: ['[property="author"] [property="name"]', '.author a'],
  contents: '.results_summary.contents',
  contentsLabel: '.label',
  /**
   * `<span class="results_summary type">…
   * <img class="materialtype" src="/opac-tmpl/lib/famfamfam/VM.png"> Visual material`
   */
  materialIcon: '.results_summary.type img',
} as const;

/**
 * The XSLT's material-type icons from the MARC leader: SE continuing resource, VM visual material, MU sound
 * or music, MP map, CF computer file, KT kit. A periodical is never a book; the others are not without an ISBN.
 */
const NON_BOOK_MATERIAL = /\/(SE|VM|MU|MP|CF|KT)\.png$/;

/** Detail views of one record: normal, MARC and ISBD. */
const DETAIL_PAGE = /\/cgi-bin\/koha\/opac-(?:detail|MARCdetail|ISBDdetail)\.pl$/;
const DETAIL_BODY_IDS = new Set(['opac-detail', 'opac-marcdetail', 'opac-isbddetail']);

function contentsNote(doc: Document): string {
  const block = doc.querySelector(SELECTORS.contents);
  if (!block) return '';
  const label = textOf(block.querySelector(SELECTORS.contentsLabel));
  return cleanText(textOf(block).replace(label, ''));
}

/** The platform's own cheap test, apart: the any-site script carries it alone (modules/site-content-scripts). */
export const kohaTest: SiteAdapter['test'] = (url, doc) =>
  url.pathname.includes('/cgi-bin/koha/') || /^Koha\b/.test(metaContent(doc.head ?? doc, 'generator'));

export const koha: SiteAdapter = {
  id: 'koha',
  name: 'Koha',
  matches: [],
  // The generator meta is read from <head> only: this test runs on every page of the any-site script.
  test: kohaTest,
  detect(doc: Document, url: URL): AdapterBook | null {
    // Search results, lists, the cart and account pages are not one record.
    if (!DETAIL_PAGE.test(url.pathname) && !DETAIL_BODY_IDS.has(doc.body?.id.toLowerCase() ?? '')) return null;
    const isbns = allTexts(doc, SELECTORS.isbns).flatMap((text) =>
      findIsbnCandidates(text).map((candidate) => candidate.isbn13),
    );
    const material = NON_BOOK_MATERIAL.exec(doc.querySelector(SELECTORS.materialIcon)?.getAttribute('src') ?? '')?.[1];
    if (material === 'SE' || (material && isbns.length === 0)) return null;
    const biblionumber = url.searchParams.get('biblionumber');
    return buildAdapterBook({
      site: 'koha',
      signals: ['site:koha'],
      isbns,
      title: stripResponsibility(firstText(doc, SELECTORS.title)),
      authors: allTexts(doc, SELECTORS.authors),
      contents: [contentsNote(doc)],
      recordLink:
        isbns.length === 0 && biblionumber
          ? new URL(
              `/cgi-bin/koha/opac-export.pl?op=export&format=marcxml&bib=${encodeURIComponent(biblionumber)}`,
              url,
            ).href
          : undefined,
    });
  },
};

// Page types (any library's own host):
//   detail   https://<library-opac>/cgi-bin/koha/opac-detail.pl?biblionumber=12345
//   MARC     https://<library-opac>/cgi-bin/koha/opac-MARCdetail.pl?biblionumber=12345
//   search   https://<library-opac>/cgi-bin/koha/opac-search.pl?q=harari
//   export   https://<library-opac>/cgi-bin/koha/opac-export.pl?op=export&format=marcxml&bib=12345
// No saved record page found in public repositories (the real Koha pages here are account pages); the
// selectors follow Koha's own OPAC XSLT, Koha-Community/Koha koha-tmpl/opac-tmpl/bootstrap/en/xslt/
// MARC21slim2OPACDetail.xsl, in its RDFa (property=isbn), older (plain span) and resource_list forms.
