/**
 * Fields a page prints as label and value — "ISBN-13: 978…", "Auteur : …",
 * "Medientyp: Zeitschrift", "目录" — the way shops, book databases and
 * catalogues without usable metadata show a record. One pass over the page's
 * short text nodes finds the labels; each value is what follows its label in
 * the same row (`<th>/<td>`, `<dt>/<dd>`, `<b>…</b> text`, `<span>` pairs).
 *
 * Strict about "one product": ISBNs under labels in different blocks, or
 * inside a results list, a carousel, a cart or an account area, make the
 * page not one book. Several ISBNs in one block (a record's print, PDF and
 * ePub editions) are one book.
 */
import { findIsbnCandidates, isbn13To10 } from '../../shared/isbn';
import { cleanText, stripResponsibility, textOf } from '../base/text';
import { CONTENTS, escaped, Field, GAP, LABEL_END, type FieldKind, type LabelledField } from './field-kinds';
import { emptyReading, formatFromWord, isNotBookWord, type SignalReading } from './reading';

/*
 * Field labels in many languages, one `|`-separated list of plain words per
 * field (no regex syntax: each word's first two letters also feed the cheap
 * filter that spares most text nodes the full match).
 */
const ISBN =
  'isbn|ean|gtin|jan|code isbn|code ean|code-barres|código isbn|codigo isbn|código de barras|codice isbn|codice a barre|numéro isbn|número isbn|barcode|streepjescode|strichcode|ｉｓｂｎ|国際標準図書番号|国际标准书号|國際標準書號|书号|書號|국제표준도서번호';
const TITLE =
  'titel|title|titre|titulo|título|titolo|tytuł|naslov|název|cím|hauptsachtitel|titel/stichwort|書名|题名|題名|서명|도서명|제목|タイトル';
const AUTHOR =
  'author|authors|author(s)|auteur|auteurs|auteur(s)|autor|autores|autoren|autorin|autor(en)|autore|autori|autoria|verfasser|verfasserin|person|personen|person(en)|beteiligt|beteiligte|mitwirkende|involved|participants|contributors|credits|medewerkers|intervenants|schrijver|writer|writers|written by|scenario|scénario|sceneggiatura|guion|guión|story|text|texte|tekst|escritor|著者|作者|著|저자|지은이|글|författare|forfatter|kirjoittaja|szerző|autorzy|автор|συγγραφέας|yazar';
/** Artists count among a comic's creators; a row of many (a collective album) does not. */
const ARTIST =
  'tekeningen|tekenaar|dessin|dessins|dessinateur|art|artist|zeichner|zeichnungen|disegni|dibujo|penciller|作画|그림';
const FORMAT =
  'format|formato|formaat|medientyp|medienart|medium|media type|mediatype|material type|type of material|materialart|type de document|document type|dokumenttyp|objektart|type|typ|tipo|soort|support|publication type|resource type|uitvoering|einband|bindung|binding|reliure|encuadernación|encadernação|kaft|装帧|装幀|제본|형태';
const SUBTITLE = 'zusatz|titelzusatz|untertitel|subtitle|sous-titre|subtítulo|ondertitel|sottotitolo';
export const FIELDS = [ISBN, TITLE, AUTHOR, ARTIST, FORMAT, CONTENTS, SUBTITLE];

/**
 * A field label at the start of a text node (after a "1." numbering), then
 * what follows it there. Groups: 1 isbn … 7 subtitle. An ISBN label may
 * name its length and a second scheme (`ISBN-13`, `ISBN/EAN`, `ISBN 13 コード`).
 */
export const FIELD = new RegExp(
  `^${GAP}(?:\\d\\.\\s*)?(?:(${escaped(ISBN)})(?:[\\s-]*1[03])?(?:\\s*[/|]\\s*(?:isbn|ean|issn)(?:[\\s-]*1[03])?)?(?:\\s*(?:code|コード|号|번호|nummer|number))?|${FIELDS.slice(
    1,
  )
    .map((words) => `(${escaped(words)})`)
    .join('|')})${LABEL_END}`,
  'iu',
);
/**
 * The cheap filter that spares most text nodes the full match: a label
 * word's first two letters at the start, after space, direction marks and a
 * "1." numbering. One native regex test: skipping a node's indentation
 * character by character in JavaScript cost more than the walk itself.
 */
export const LABEL_START = new RegExp(
  `^[\\s\\u200b-\\u200f\\d.]*(?:${[
    ...new Set(
      FIELDS.join('|')
        .split('|')
        .map((word) => escaped(word.slice(0, 2))),
    ),
  ].join('|')})`,
  'iu',
);

/** Text nodes longer than this are prose, not a label. */
const MAX_LABEL_NODE = 200;
/** Labels here are the page's furniture or a form, not the record. */
const IGNORED =
  'script,style,noscript,template,select,option,button,textarea,nav,footer,aside,a,[hidden],[aria-hidden="true"]';
/** Containers whose items are other products or the reader's own: results, carousels, cart, account, loans. */
const NOT_THE_RECORD =
  /(?<![a-z])(?:search|results?|hits?|treffer|trefferliste|listing|carousel|slider|swiper|slick|owl|recommend\w*|related|similar|upsell|cross-?sell|also-?bought|cart|basket|warenkorb|panier|carrito|carrello|winkelwagen|checkout|wishlist|merkliste|account|konto|loans?|ausleihen|borrow\w*|fees|mybooks|news|nouveautes?|actu|actualites|teaser|promo|sidebar|widget|featured|latest|bestsellers?)(?![a-z])/;

/** Of those, the containers that make a page a list of other items rather than one product with extras. */
const LIST_AREA =
  /(?<![a-z])(?:search|results?|hits?|treffer|trefferliste|listing|cart|basket|warenkorb|panier|carrito|carrello|winkelwagen|checkout|wishlist|merkliste|account|konto|loans?|ausleihen|borrow\w*|fees|mybooks)(?![a-z])/;

/** One label's value: the nodes after `start` in its parent, up to a line break or the next label of its kind. */
function valueBeside(start: Node, rest: string): { text: string; links: string[] } {
  let text = rest;
  const links: string[] = [];
  const tag = start.nodeType === 1 ? (start as Element).localName : '';
  let first = true;
  for (let node = start.nextSibling; node && text.length < 4000; node = node.nextSibling) {
    if (node.nodeType === 3) {
      text += ` ${node.nodeValue}`;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const value = textOf(el);
    // The next row's label: an element like the label's own, or text shaped "Something:".
    if (el.localName === 'br' || (!first && (el.localName === tag || /^[^:：]{1,30}[:：]$/.test(value)))) break;
    first = false;
    text += ` ${value}`;
    for (const link of el.localName === 'a' ? [el] : el.querySelectorAll('a')) {
      const role = textOf(link.nextElementSibling);
      links.push(textOf(link) + (/^[([]/.test(role) ? ` ${role}` : ''));
    }
  }
  return { text: cleanText(text).replace(/^[\s:：.\-–]+/, ''), links: links.filter(Boolean) };
}

/**
 * Every labelled field outside the page's furniture, in page order: the
 * label's own text node, then (when nothing useful follows it there) its
 * element and the element's parent in turn.
 */
export function labelledFields(doc: Document): LabelledField[] {
  const body = doc.body;
  if (!body) return [];
  const fields: LabelledField[] = [];
  const walker = doc.createTreeWalker(body, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).length;
    if (length > MAX_LABEL_NODE || length < 2) continue;
    const data = node.nodeValue!;
    if (!LABEL_START.test(data)) continue;
    const match = FIELD.exec(data);
    if (!match) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest(IGNORED)) continue;
    const field = (match.slice(1, 8).findIndex(Boolean) + 1) as FieldKind;
    let start: Node = node;
    let rest = data.slice(match[0].length);
    for (let level = 0; level < 4 && start.parentNode !== body; level++) {
      const value = valueBeside(start, rest);
      if (field === Field.Isbn ? findIsbnCandidates(value.text).length > 0 : /\p{L}/u.test(value.text)) {
        fields.push({
          field,
          el: start.nodeType === 1 ? (start as Element) : parent,
          at: start,
          row: start.parentElement!,
          ...value,
        });
        break;
      }
      start = start.parentElement!;
      rest = '';
    }
  }
  return fields;
}

/** The ISBNs a value starts with: `978… (hbk) ; 978… (ePub)`, not numbers further on in the text. */
export function leadingIsbns(text: string): string[] {
  const isbns: string[] = [];
  let end = 0;
  for (const candidate of findIsbnCandidates(text)) {
    if (candidate.index - end > (isbns.length ? 40 : 4)) break;
    isbns.push(candidate.isbn13);
    end = candidate.index + candidate.raw.length;
  }
  return isbns;
}

/** True when the element sits in a results list, a carousel, a cart or an account area. */
export function inOtherItems(el: Element, areas = NOT_THE_RECORD): boolean {
  for (let node: Element | null = el; node && node.localName !== 'body'; node = node.parentElement) {
    const names = `${node.id} ${node.getAttribute('class') ?? ''}`.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    if (areas.test(names)) return true;
  }
  return false;
}

/** The block a labelled row belongs to: its table or list, else the element around the row. */
function blockOf(field: LabelledField, fields: LabelledField[]): Element | null {
  // The row's own table or list is a few levels up (tr → tbody → table); one further out is the page's layout.
  let block: Element | null = field.row.parentElement;
  for (let node: Element = field.row, level = 0; level < 3 && node.parentElement; level++, node = node.parentElement) {
    if (/^(?:table|dl|ul|ol)$/.test(node.localName)) {
      block = node;
      break;
    }
  }
  // A table row or list item that carries its own title or author is an item of its own (a shelf, a results table).
  const item = field.row.closest('tr,li');
  const titled = (other: LabelledField) =>
    (other.field === Field.Title || other.field === Field.Author) && item!.contains(other.el);
  return item && block?.contains(item) && fields.some(titled) ? item : block;
}

/** Roles besides the author's a contributors row names: translator, editor, illustrator, narrator… */
const OTHER_ROLE =
  /[([][^)\]]*(?:übersetz|translat|tradu|vertal|herausg|hrsg|edit|illustr|foto|photo|sprecher|narrat|lecteur|vorwort|forew|pr[eé]fa|introd|nachwort|afterw|bearb|compil|adapt|colou?r|lettr|cover|mitarb|contrib|译|訳|옮긴|역자)/i;

/**
 * The authors in an author row: its links (those with another role left
 * out), else its text split at `;`, `/`, `&`, "and".
 */
function names(value: LabelledField): string[] {
  const list = value.links.length > 0 ? value.links : value.text.split(/\s*(?:[;/|&·]|\s(?:and|und|et|en|e|y)\s)\s*/);
  return list.filter((name) => /\p{L}/u.test(name) && name.length < 80 && !OTHER_ROLE.test(name));
}

export interface LabelReading extends SignalReading {
  /** The first ISBN label, where the record is on the page. */
  anchor?: Element;
  fields: LabelledField[];
}

/**
 * A labelled ISBN read as the page's book, with the title, authors and format
 * rows of the same record (the book's `scope` element when a schema.org
 * reading found one, else the whole page when it has no ISBN label).
 * `url` decides between ISBNs in different blocks when exactly one of them
 * is in the page's own address.
 */
export function readLabels(doc: Document, url: URL, scope?: Element): LabelReading {
  const fields = labelledFields(doc);
  const reading: LabelReading = { ...emptyReading('label'), fields };
  const labelled = fields
    .filter((field) => field.field === Field.Isbn)
    .map((field) => ({ field, isbns: leadingIsbns(field.text) }))
    .filter(({ isbns }) => isbns.length > 0);
  let chosen = labelled.filter(({ field }) => !inOtherItems(field.el));
  // Every ISBN is in a results list, a cart or an account: not one book. ISBNs only in a
  // carousel of other editions or recommendations leave a page whose edition has none alone.
  if (labelled.length > 0 && chosen.length === 0 && labelled.some(({ field }) => inOtherItems(field.el, LIST_AREA))) {
    return { ...reading, isList: true };
  }
  const distinct = new Set(chosen.flatMap(({ isbns }) => isbns));
  if (distinct.size > 1 && new Set(chosen.map(({ field }) => blockOf(field, fields))).size > 1) {
    // Several records on one page — unless the address names one of them.
    const digits = url.pathname.replace(/[^\dX]/gi, '');
    chosen = chosen.filter(({ isbns }) =>
      isbns.some((isbn) => digits.includes(isbn) || digits.includes(isbn13To10(isbn) ?? '-')),
    );
    if (new Set(chosen.map(({ field }) => blockOf(field, fields))).size !== 1) return { ...reading, isList: true };
  }
  const first = chosen[0]?.field;
  const anchor = first?.el;
  // The record: the book's schema.org scope, else the ISBN's block and two levels around it.
  let record: Element | null = first ? blockOf(first, fields) : doc.body;
  for (let level = 0; first && level < 2 && record?.parentElement; level++) record = record.parentElement;
  if (scope && (!anchor || scope.contains(anchor))) record = scope;
  const near = fields.filter((field) => record?.contains(field.el));
  const values = (kind: FieldKind) => near.filter((field) => field.field === kind);
  const artists = values(Field.Artist).map(names);
  const formats = values(Field.Format).map((field) => field.text);
  return {
    ...reading,
    ...(anchor ? { anchor } : {}),
    isBook: anchor !== undefined,
    isbns: [...new Set(chosen.flatMap(({ isbns }) => isbns))],
    title: [values(Field.Title)[0]?.text, values(Field.Subtitle)[0]?.text]
      .filter(Boolean)
      .map((part) => stripResponsibility(part!))
      .join(' : '),
    authors: [...values(Field.Author).flatMap(names), ...artists.filter((row) => row.length <= 3).flat()],
    format: formats.map(formatFromWord).find(Boolean),
    notBook: formats.length > 0 && formats.every((format) => isNotBookWord(format, anchor !== undefined)),
  };
}
