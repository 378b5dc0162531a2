import { INVISIBLE_MARKS } from '../../shared/isbn';

/** Whitespace collapsed, invisible marks and NBSPs gone, trimmed. */
export function cleanText(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .replace(INVISIBLE_MARKS, '')
    .replace(/[\s\u00A0\u2000-\u200A\u202F\u3000]+/g, ' ')
    .trim();
}

/** The cleaned text content of a node, or '' when there is none. */
export function textOf(node: Node | null | undefined): string {
  return cleanText(node?.textContent);
}

/** Life dates and roles catalogues append to names: `, 1958-`, `(Author)`, `[Verfasser]`. */
const NAME_DATES = /,?\s*\(?\b(?:\d{3,4}\??|ca\.\s*\d{3,4})\s*-\s*(?:\d{3,4}\??)?\)?\.?$/;
// One bracketed word or two covers author, Verfasserin, Hrsg. and the rest: no list of roles needed.
const NAME_ROLE = /\s*[([][a-zäöüéè. ]{2,20}[)\]]\s*$/i;
/** The nationality Chinese catalogues put before a foreign author: `[法] `, `（美）`, `【英】`. */
const NAME_NATIONALITY = /^[[(（【〔［]\s*[\u3400-\u9fff]{1,3}\s*[\])）】〕］]\s*/;

/**
 * A person's name in "First Last" order: catalogue forms such as
 * `Albom, Mitch, 1958-` or `Föhr, Andreas [Verfasser]` are turned round; a
 * name without a comma is kept as written (Amazon's `hermann-hesse` stays).
 */
export function personName(raw: string): string {
  let name = cleanText(raw)
    .replace(NAME_NATIONALITY, '')
    .replace(NAME_ROLE, '')
    .replace(NAME_DATES, '')
    .replace(/[,;:/]+$/, '')
    .trim();
  const parts = name
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 2 && !/\d/.test(name)) name = `${parts[1]} ${parts[0]}`;
  return name.replace(/\s+/g, ' ').trim();
}

/** Distinct non-empty person names, in order. */
export function personNames(raws: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const raw of raws) {
    const name = personName(raw);
    if (name) seen.add(name);
  }
  return [...seen];
}

/** A catalogue title without its statement of responsibility (`Title : sub / Author`). */
export function stripResponsibility(title: string): string {
  return cleanText(title.replace(/\s+\/\s+[^/]*$/, '').replace(/\s*[.;:,/]+$/, ''));
}

/** Names compared loosely: case, accents and punctuation ignored. */
function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^\p{L}\d]/gu, '')
    .toLowerCase();
}

/**
 * A title without what pages append to it: a series number in brackets
 * (`(Cerulean Chronicles, #1)`) and the book's own authors
 * (`The Medusa Chronicles: Alastair Reynolds & Stephen Baxter`, `… by Emma Tennant`).
 */
export function bareTitle(title: string, authors: readonly string[]): string {
  const keys = new Set(authors.map(nameKey));
  const bare = title
    .replace(/\s*\([^()]*#\s?\d+(?:\.\d+)?\)$/, '')
    .replace(/\s*(?:[:|–—,/-]|\s(?:by|von|de|par|door|di)\s)\s*([^:|–—/]+)$/i, (tail, names: string) =>
      keys.size > 0 &&
      names.split(/\s*(?:[&,;]|\sand\s|\sund\s|\set\s|\sen\s|\se\s|\sy\s)\s*/).every((name) => keys.has(nameKey(name)))
        ? ''
        : tail,
    );
  return bare || title;
}
