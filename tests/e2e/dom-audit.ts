/**
 * What must never be in the sidebar's DOM, however hostile the text it shows:
 * script it did not ship, event-handler attributes, nested browsing contexts
 * (iframe, object, embed, srcdoc) and links or sources with a scheme that runs
 * or smuggles code (javascript:, data:, vbscript:). Passed to
 * `frame.evaluate`, so it must not close over anything.
 */
export interface DomAudit {
  elements: number;
  problems: string[];
}

export function auditDom(extensionOrigin: string): DomAudit {
  const URL_ATTRIBUTES = new Set([
    'href',
    'src',
    'action',
    'formaction',
    'data',
    'poster',
    'background',
    'ping',
    'cite',
    'xlink:href',
    'srcset',
    'codebase',
    'manifest',
  ]);
  const FORBIDDEN_ELEMENTS = new Set([
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'portal',
    'fencedframe',
    'base',
  ]);
  const REQUIRED_REL = ['noopener', 'noreferrer', 'nofollow'];
  const problems: string[] = [];
  let elements = 0;
  const describe = (el: Element) => el.outerHTML.slice(0, 160);
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  const schemeOf = (value: string) =>
    // eslint-disable-next-line no-control-regex
    /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020\u007f]/g, ''))?.[1]?.toLowerCase() ?? null;

  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      elements++;
      const tag = el.localName;
      if (FORBIDDEN_ELEMENTS.has(tag)) problems.push(`<${tag}>: ${describe(el)}`);
      if (tag === 'meta' && el.hasAttribute('http-equiv')) problems.push(`meta http-equiv: ${describe(el)}`);
      if (tag === 'script') {
        // Only the page's own bundle: in the head, loaded from the extension, no inline code.
        const src = (el as HTMLScriptElement).src;
        if (el.parentElement !== document.head || !src.startsWith(extensionOrigin) || (el.textContent ?? '') !== '') {
          problems.push(`script: ${describe(el)}`);
        }
      }
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) problems.push(`${name}= on ${describe(el)}`);
        if (name === 'srcdoc') problems.push(`srcdoc on ${describe(el)}`);
        if (URL_ATTRIBUTES.has(name)) {
          const scheme = schemeOf(attr.value);
          if (scheme === 'javascript' || scheme === 'data' || scheme === 'vbscript') {
            problems.push(`${scheme}: in ${name} of ${describe(el)}`);
          }
        }
      }
      if (tag === 'a' && el.hasAttribute('href')) {
        const href = (el as HTMLAnchorElement).href;
        if (!/^https?:\/\//i.test(href)) problems.push(`link to ${href}`);
        const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
        if (!REQUIRED_REL.every((r) => rel.includes(r))) {
          problems.push(`link without rel="${REQUIRED_REL.join(' ')}": ${describe(el)}`);
        }
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return { elements, problems };
}
