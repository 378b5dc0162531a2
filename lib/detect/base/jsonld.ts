/**
 * schema.org JSON-LD reading that tolerates what real pages ship: several
 * blocks, top-level arrays, `@graph`, HTML comments or CDATA around the JSON,
 * raw newlines inside strings and trailing commas.
 */

export type JsonObject = { [key: string]: unknown };

/** Nodes deeper than this are not followed (defends against hostile nesting). */
const MAX_DEPTH = 8;
/** Blocks larger than this are skipped: no book description needs them. */
const MAX_BLOCK_CHARS = 2_000_000;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.parse, then one repair pass, then undefined — never throws. */
export function parseJsonLoose(text: string): unknown {
  if (text.length > MAX_BLOCK_CHARS) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const repaired = text
      .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
      .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
      // Raw newlines and tabs inside strings are the commonest breakage; matching them is the point.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001F]+/g, ' ')
      .replace(/,\s*([}\]])/g, '$1');
    try {
      return JSON.parse(repaired);
    } catch {
      return undefined;
    }
  }
}

/** The `@type` of a node as a list of bare names (`http://schema.org/Book` → `Book`). */
export function typesOf(node: JsonObject): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((type): type is string => typeof type === 'string').map((type) => type.replace(/^.*[/#:]/, ''));
}

/** A property as a list (schema.org allows one value or many). */
export function valuesOf(node: JsonObject, key: string): unknown[] {
  if (!Object.hasOwn(node, key)) return [];
  const value = node[key];
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** String values of a property; `{name}`/`{@value}` objects give their name/value. */
export function stringsOf(node: JsonObject, key: string): string[] {
  const out: string[] = [];
  for (const value of valuesOf(node, key)) {
    if (typeof value === 'string' || typeof value === 'number') out.push(String(value));
    else if (isJsonObject(value)) {
      // Microdata and RDFa nodes hold every property as a list.
      const inner = [value['name'] ?? value['@value']].flat()[0];
      if (typeof inner === 'string') out.push(inner);
    }
  }
  return out;
}

/**
 * The scripts that may be JSON-LD blocks, found by one selector. Readers check
 * the exact type (`application/ld+json`, any case) on what it finds: reading
 * every script's type from JavaScript costs several times more on a page of
 * hundreds of scripts (the saved Amazon pages: 0.2–0.3 ms against 0.05–0.08 ms).
 */
export const JSON_LD_SCRIPTS = 'script[type*="ld+json" i]';

/** The text of each of the page's `<script type="application/ld+json">` blocks, unparsed. */
export function jsonLdTexts(doc: ParentNode): string[] {
  const texts: string[] = [];
  for (const script of doc.querySelectorAll(JSON_LD_SCRIPTS)) {
    if (script.getAttribute('type')?.toLowerCase() === 'application/ld+json') texts.push(script.textContent!);
  }
  return texts;
}

/** Every parsed JSON-LD top-level value of the page's blocks (`texts`: theirs, where the caller read them). */
export function readJsonLdBlocks(doc: ParentNode, texts = jsonLdTexts(doc)): unknown[] {
  const blocks: unknown[] = [];
  for (const text of texts) {
    const parsed = parseJsonLoose(text);
    if (parsed !== undefined) blocks.push(parsed);
  }
  return blocks;
}

/**
 * Every object node reachable through arrays, `@graph`, `mainEntity`,
 * `itemListElement`/`item` and `workExample`, depth-first, each once.
 */
export function flattenNodes(roots: unknown[]): JsonObject[] {
  const out: JsonObject[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || seen.has(value)) return;
    if (Array.isArray(value)) {
      seen.add(value);
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isJsonObject(value)) return;
    seen.add(value);
    out.push(value);
    for (const key of [
      '@graph',
      'mainEntity',
      'mainEntityOfPage',
      'itemListElement',
      'item',
      'workExample',
      'exampleOfWork',
    ]) {
      for (const child of valuesOf(value, key)) visit(child, depth + 1);
    }
  };
  for (const root of roots) visit(root, 0);
  return out;
}

/** True when the node is a list (`ItemList`, `SearchResultsPage`, `CollectionPage`). */
export function isListNode(node: JsonObject): boolean {
  return typesOf(node).some((type) => type === 'ItemList' || type === 'SearchResultsPage' || type === 'CollectionPage');
}
