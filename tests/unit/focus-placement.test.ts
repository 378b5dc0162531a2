// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
/**
 * Where the sidebar's host goes in saved real pages: the first tab stop
 * after the page's skip links. The tab order is read here independently of
 * the module, from the same rule browsers follow for these elements
 * (document order; links with an address, form controls, `tabindex` ≥ 0).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lastLeadingSkipLink, placeInTabOrder } from '../../lib/content/focus-placement';
import { createFocusReturn } from '../../lib/content/focus-return';
import { weThinkOnAmazon } from '../../scripts/canon-book-page';
import { fixtureHtml, loadManifest } from '../../scripts/fixture-manifest';
import { withoutSvgStyles } from '../../scripts/saved-page';
import { quietFramedPageLoads } from './framed-page-loads';

function show(html: string): void {
  const saved = new DOMParser().parseFromString(withoutSvgStyles(html), 'text/html');
  document.head.replaceChildren(...[...saved.head.childNodes].map((node) => document.importNode(node, true)));
  document.body.replaceChildren(...[...saved.body.childNodes].map((node) => document.importNode(node, true)));
}

function savedPage(file: string): string {
  const entry = loadManifest().find((candidate) => candidate.file === file);
  if (!entry) throw new Error(`${file} is not a saved page`);
  return fixtureHtml(entry);
}

/** Tab stops in the browser's order: positive tabindex first (by value), then the rest in document order. */
function tabStops(): Element[] {
  const stops = [...document.body.querySelectorAll('*')].filter((element) => {
    if ((element as HTMLInputElement).disabled) return false;
    if (element.localName === 'input' && (element as HTMLInputElement).type === 'hidden') return false;
    const tabindex = element.getAttribute('tabindex');
    if (tabindex !== null) return Number(tabindex) >= 0;
    return element.matches('a[href], button, input, select, textarea, iframe, bookside-sidebar');
  });
  const index = (element: Element) => Number(element.getAttribute('tabindex') ?? 0);
  const positive = stops.filter((element) => index(element) > 0).sort((a, b) => index(a) - index(b));
  return [...positive, ...stops.filter((element) => index(element) <= 0)];
}

function placeHost(): Element {
  const host = document.createElement('bookside-sidebar');
  placeInTabOrder(document, host);
  return host;
}

describe('the sidebar’s place in the tab order', () => {
  beforeEach(() => quietFramedPageLoads());
  afterEach(() => {
    vi.restoreAllMocks();
    document.head.replaceChildren();
    document.body.replaceChildren();
  });

  it('is the third tab stop of the saved We-Think page, after its cookie banner’s two buttons', async () => {
    show(await weThinkOnAmazon());
    const host = placeHost();
    // The banner's buttons have tabindex 1 and 2, so they come first wherever anything is; its links and then
    // the skip link follow in document order, so the page does not start with its skip link.
    expect(
      tabStops()
        .slice(0, 3)
        .map((stop) => stop.id || stop.localName),
    ).toEqual(['sp-cc-accept', 'sp-cc-rejectall-link', 'bookside-sidebar']);
    expect(document.body.firstElementChild).toBe(host);
  });

  it('comes right after Amazon’s “Skip to main content” once the cookie banner is gone', async () => {
    show(await weThinkOnAmazon());
    document.getElementById('sp-cc')?.closest('span')?.remove();
    const host = placeHost();
    const stops = tabStops();
    expect(stops[0]?.id).toBe('skiplink');
    expect(stops[1]).toBe(host);
    // Beside the skip link, not inside anything that could move or hide a fixed box.
    expect(host.previousElementSibling?.id).toBe('skiplink');
  });

  it('is the first tab stop of a page without skip links', () => {
    show(savedPage('isfdb/mort.html'));
    expect(lastLeadingSkipLink(document.body)).toBeNull();
    const host = placeHost();
    expect(tabStops()[0]).toBe(host);
    expect(document.body.firstElementChild).toBe(host);
  });

  it('passes over several leading skip links, in any of the sites’ languages, and only leading ones', () => {
    show(`<div><a href="#main">Zum Inhalt springen</a><a class="skip" href="#nav">Navigation</a></div>
      <nav><a href="/">Home</a><a href="#content">Skip to content</a></nav><main id="main"></main>`);
    const host = placeHost();
    const stops = tabStops();
    expect(stops.map((stop) => stop.textContent)).toEqual([
      'Zum Inhalt springen',
      'Navigation',
      '',
      'Home',
      'Skip to content',
    ]);
    expect(stops[2]).toBe(host);
  });

  it('goes beside the skip link’s top-level ancestor when an ancestor would pin a fixed box to itself', () => {
    show(`<div id="top" style="transform: translateX(0)"><p><a href="#main">Skip to main content</a></p></div>
      <a href="/">Home</a><main id="main"></main>`);
    const host = placeHost();
    expect(host.parentElement).toBe(document.body);
    expect(host.previousElementSibling?.id).toBe('top');
    expect(tabStops().indexOf(host)).toBe(1);
  });

  it('takes no disabled control, hidden input or tabindex="-1" element for the page’s first stop', () => {
    show(`<input type="hidden" name="csrf"><a tabindex="-1" href="/x">Hidden</a><button disabled>Off</button>
      <a href="#main">Skip to main content</a><a href="/">Home</a>`);
    const host = placeHost();
    expect(tabStops().indexOf(host)).toBe(1);
  });
});

describe('focus going back after the sidebar collapses', () => {
  it('returns to the page element focused before opening, only while focus is in the sidebar', () => {
    show('<a id="link" href="/x">A link</a><input id="field"><bookside-sidebar tabindex="0"></bookside-sidebar>');
    const link = document.getElementById('link')!;
    const sidebar = document.querySelector('bookside-sidebar') as HTMLElement;
    const focusReturn = createFocusReturn(document, (element) => element === sidebar);

    link.focus();
    focusReturn.remember();
    sidebar.focus();
    focusReturn.restore();
    expect(document.activeElement).toBe(link);

    // The reader moved on into the page meanwhile: focus stays where they put it.
    focusReturn.remember();
    sidebar.focus();
    document.getElementById('field')!.focus();
    focusReturn.restore();
    expect(document.activeElement?.id).toBe('field');
  });

  it('remembers nothing when the sidebar was opened from inside itself (its own tab)', () => {
    show('<a id="link" href="/x">A link</a><bookside-sidebar tabindex="0"></bookside-sidebar>');
    const sidebar = document.querySelector('bookside-sidebar') as HTMLElement;
    const focusReturn = createFocusReturn(document, (element) => element === sidebar);
    sidebar.focus();
    focusReturn.remember();
    focusReturn.restore();
    expect(document.activeElement).toBe(sidebar);
  });
});
