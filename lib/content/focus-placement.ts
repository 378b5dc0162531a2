/**
 * Where the sidebar's host element goes in the page, so that its collapsed
 * tab is the first thing a keyboard reaches after the page's skip links
 * (appended at the end, it took 257 Tab presses on an Amazon page). Tab
 * order is document order; the host is `position: fixed`, so where it sits
 * in the tree does not move it on screen, as long as no ancestor makes a
 * fixed box relative to itself (a transform, a filter, containment) or hides
 * its subtree. Then it goes beside the skip link's top-level ancestor.
 */

/** "Skip to main content" and its kin in the languages Bookside's sites use. */
const SKIP_TEXT =
  /\bskip\b|springe|zum (haupt)?inhalt|inhalt überspringen|aller au|passer au|saltar|salta|vai al|overslaan|ga naar|スキップ|本文へ/i;
/** A skip link is near the very start: never look further than this many tab stops. */
const MAX_LEADING_STOPS = 8;

const NATIVELY_FOCUSABLE = 'a[href], area[href], button, input, select, textarea, iframe, summary, [contenteditable]';

/** Inserts `host` as the first tab stop after the page's leading skip links, or as the first of all. */
export function placeInTabOrder(doc: Document, host: Element): void {
  const body = doc.body;
  if (body === null) {
    doc.documentElement.append(host);
    return;
  }
  const skip = lastLeadingSkipLink(body, host);
  if (skip === null) body.prepend(host);
  else if (keepsFixedBoxesInViewport(skip, body)) skip.after(host);
  else topLevelAncestor(skip, body).after(host);
}

/**
 * The last of the skip links that come before any other tab stop, or null when the page starts otherwise
 * (e.g. with a cookie banner's links: then the tab goes first, before the banner's links too).
 */
export function lastLeadingSkipLink(body: Element, ignore?: Element): Element | null {
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_ELEMENT);
  let last: Element | null = null;
  let stops = 0;
  for (let node = walker.nextNode(); node !== null && stops < MAX_LEADING_STOPS; node = walker.nextNode()) {
    const element = node as Element;
    // A positive tabindex (Amazon's cookie banner buttons) is visited before everything else wherever it sits.
    if (element === ignore || !isTabStop(element) || Number(element.getAttribute('tabindex')) > 0) continue;
    stops++;
    if (!isSkipLink(element)) break;
    last = element;
  }
  return last;
}

function isTabStop(element: Element): boolean {
  if ((element as HTMLInputElement).disabled === true) return false;
  if (element.localName === 'input' && (element as HTMLInputElement).type === 'hidden') return false;
  const tabindex = element.getAttribute('tabindex');
  if (tabindex !== null) return Number.parseInt(tabindex, 10) >= 0;
  return element.matches(NATIVELY_FOCUSABLE);
}

function isSkipLink(element: Element): boolean {
  if (element.localName !== 'a' && element.localName !== 'button') return false;
  const label = `${element.getAttribute('aria-label') ?? ''} ${element.textContent ?? ''}`;
  const named = `${element.id} ${element.getAttribute('class') ?? ''}`;
  return SKIP_TEXT.test(label) || /skip/i.test(named);
}

/** No ancestor between `element` and `body` changes where a fixed box sits or whether it shows. */
function keepsFixedBoxesInViewport(element: Element, body: Element): boolean {
  const view = body.ownerDocument.defaultView;
  if (view === null) return false;
  for (let node = element.parentElement; node !== null && node !== body; node = node.parentElement) {
    const style = view.getComputedStyle(node);
    const changes =
      isSet(style.transform) ||
      isSet(style.filter) ||
      isSet(style.perspective) ||
      isSet(style.getPropertyValue('backdrop-filter')) ||
      isSet(style.getPropertyValue('clip-path')) ||
      isSet(style.getPropertyValue('mask')) ||
      /paint|layout|strict|content/.test(style.getPropertyValue('contain')) ||
      /transform|filter|perspective/.test(style.getPropertyValue('will-change')) ||
      style.display === 'none' ||
      (style.opacity !== '' && Number(style.opacity) < 1);
    if (changes) return false;
  }
  return true;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== 'none' && value !== 'auto';
}

function topLevelAncestor(element: Element, body: Element): Element {
  let node = element;
  while (node.parentElement !== null && node.parentElement !== body) node = node.parentElement;
  return node;
}
