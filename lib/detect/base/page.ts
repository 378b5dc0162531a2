/**
 * Small DOM readers shared by the generic signals and the site adapters.
 * Every reader tolerates missing nodes and returns '' or [] instead.
 */
import { cleanText, textOf } from './text';

/**
 * True when a meta's `property`, `name` or `itemprop` is `key` (lower-case). Metas are
 * found with the plain `meta` selector and matched here: a selector list of
 * attribute tests over a whole page (`meta[property=…], meta[name=…]…`)
 * costs several times the traversal in Chromium.
 */
const META_KEYS = ['property', 'name', 'itemprop'];
function hasMetaKey(meta: Element, key: string): boolean {
  return META_KEYS.some((attribute) => meta.getAttribute(attribute)?.toLowerCase() === key);
}

/** The first non-empty `content` of `<meta property|name|itemprop=key>` (key case-insensitive). */
export function metaContent(doc: ParentNode, key: string): string {
  const wanted = key.toLowerCase();
  for (const meta of doc.querySelectorAll('meta')) {
    if (!hasMetaKey(meta, wanted)) continue;
    const content = cleanText(meta.getAttribute('content'));
    if (content) return content;
  }
  return '';
}

/** Text of the first element matching any selector, tried in order (fallback chains). */
export function firstText(root: ParentNode, selectors: readonly string[]): string {
  for (const selector of selectors) {
    const text = textOf(root.querySelector(selector));
    if (text) return text;
  }
  return '';
}

/** Texts of all elements matching the first selector that matches anything. */
export function allTexts(root: ParentNode, selectors: readonly string[]): string[] {
  for (const selector of selectors) {
    const texts = [...root.querySelectorAll(selector)].map((el) => textOf(el)).filter(Boolean);
    if (texts.length > 0) return texts;
  }
  return [];
}

/**
 * Label/value rows of a details list (`<li><b>ISBN-13 :</b> 978…</li>`,
 * `<tr><th>ISBN</th><td>…</td></tr>`, `<dt>/<dd>`): label text without its
 * trailing colon, lower-cased, mapped to the value text. First label wins.
 */
export function labelledValues(rows: Iterable<Element>, labelSelector: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const row of rows) {
    const labelEl = row.querySelector(labelSelector);
    if (!labelEl) continue;
    const label = cleanText(labelEl.textContent)
      .replace(/\s*[:：]\s*$/, '')
      .toLowerCase();
    const value = cleanText((row.textContent ?? '').replace(labelEl.textContent ?? '', '')).replace(/^[:：]\s*/, '');
    if (label && value && !values.has(label)) values.set(label, value);
  }
  return values;
}

/** Every `<meta>` content by lower-cased property/name, in document order. */
export type MetaIndex = Map<string, string[]>;

/** One pass over the page's metas, for readers that look up many names (a full traversal each would add up). */
export function indexMetas(doc: ParentNode): MetaIndex {
  const index: MetaIndex = new Map();
  for (const meta of doc.querySelectorAll('meta')) {
    const name = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase();
    const content = name && cleanText(meta.getAttribute('content'));
    if (!content) continue;
    const list = index.get(name);
    if (list) list.push(content);
    else index.set(name, [content]);
  }
  return index;
}

/** Every content of any of the names, in the order the names are given. */
export function indexedContents(index: MetaIndex, ...names: string[]): string[] {
  return names.flatMap((name) => index.get(name.toLowerCase()) ?? []);
}
