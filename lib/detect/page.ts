/**
 * Small DOM readers shared by the generic signals and the site adapters.
 * Every reader tolerates missing nodes and returns '' or [] instead.
 */
import { cleanText, textOf } from './text';

function metaSelector(key: string): string {
  const quoted = JSON.stringify(key);
  return `meta[property=${quoted}], meta[name=${quoted}], meta[itemprop=${quoted}]`;
}

/** The first non-empty `content` of `<meta property|name|itemprop=key>`. */
export function metaContent(doc: ParentNode, key: string): string {
  for (const meta of doc.querySelectorAll(metaSelector(key))) {
    const content = cleanText(meta.getAttribute('content'));
    if (content) return content;
  }
  return '';
}

/** Every non-empty `content` of the metas named `key` (case-insensitive name match). */
export function metaContents(doc: ParentNode, ...keys: string[]): string[] {
  const wanted = new Set(keys.map((key) => key.toLowerCase()));
  const values: string[] = [];
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const name = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase();
    if (!wanted.has(name)) continue;
    const content = cleanText(meta.getAttribute('content'));
    if (content) values.push(content);
  }
  return values;
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
    const label = cleanText(labelEl.textContent).replace(/\s*[:：]\s*$/, '').toLowerCase();
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
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const name = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase();
    const content = cleanText(meta.getAttribute('content'));
    if (!name || !content) continue;
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
