/**
 * The journey driver for Firefox: Puppeteer over WebDriver BiDi. Puppeteer's
 * ARIA queries need CDP, so elements are found in the document by the same
 * rules the reader's eye (and Playwright) uses: buttons and headings by
 * their accessible name, fields by their label, text as rendered. Keys are
 * real key presses; fields are filled as Playwright's `fill` does (value
 * set, `input` dispatched).
 */
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { sidebarFrame, tabReportFor, type FirefoxExtensionBrowser, type FirefoxPages } from '../../e2e-firefox/firefox';
import type { BookTab, ExtensionPageSurface, JourneyBrowser, Name, Surface } from './driver';

type SerialName = { text: string } | { regex: string; flags: string };

type Query =
  | { kind: 'text'; name: SerialName; exact: boolean }
  | { kind: 'button' | 'heading'; name: SerialName }
  | { kind: 'label'; label: string }
  | { kind: 'item'; containing: string; name: SerialName; gone: boolean };

// Plain JavaScript, run in the document: no compiled helpers can leak in.
const FIND = `(query) => {
  const norm = (s) => (s ?? '').replace(/\\s+/g, ' ').trim();
  const matches = (text, name) => ('regex' in name ? new RegExp(name.regex, name.flags).test(text) : text.includes(name.text));
  const labelled = (el) => (el.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  const nameOf = (el) => norm(el.getAttribute('aria-label') || labelled(el) || el.textContent || el.getAttribute('title'));
  const visible = (el) => el.checkVisibility ? el.checkVisibility() : true;
  const all = (selector) => [...document.querySelectorAll(selector)].filter(visible);
  switch (query.kind) {
    case 'button': return all('button, [role=button]').find((el) => matches(nameOf(el), query.name)) ?? null;
    case 'heading': return all('h1, h2, h3, h4, h5, h6, [role=heading]').find((el) => matches(nameOf(el), query.name)) ?? null;
    case 'label': {
      const aria = [...document.querySelectorAll('[aria-label]')].find((el) => norm(el.getAttribute('aria-label')) === query.label);
      if (aria) return aria;
      const labels = [...document.querySelectorAll('label')];
      const label = labels.find((l) => norm(l.textContent) === query.label) ?? labels.find((l) => norm(l.textContent).includes(query.label));
      return label?.control ?? null;
    }
    case 'text': {
      if (!query.exact) return matches(norm(document.body?.innerText), query.name) ? document.body : null;
      return all('body *').find((el) => norm(el.textContent) === query.name.text) ?? null;
    }
    case 'item': {
      const item = all('li').find((li) => li.textContent.includes(query.containing));
      if (!item) return null;
      return matches(norm(item.innerText), query.name) !== query.gone ? item : null;
    }
  }
  return null;
}`;

const serial = (name: Name): SerialName =>
  typeof name === 'string' ? { text: name } : { regex: name.source, flags: name.flags };

const DEFAULT_WAIT_MS = 10_000;

export function firefoxSurface(document: Page | Frame): Surface {
  async function find(query: Query): Promise<ElementHandle<Element> | null> {
    const handle = await document.evaluateHandle(`(${FIND})(${JSON.stringify(query)})`);
    const element = handle.asElement() as ElementHandle<Element> | null;
    if (element === null) await handle.dispose();
    return element;
  }
  async function waitFind(query: Query, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<ElementHandle<Element>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const element = await find(query).catch(() => null);
      if (element) return element;
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const describe = (name: Name) => (typeof name === 'string' ? `“${name}”` : String(name));

  return {
    async waitForText(text, { timeoutMs, exact = false } = {}) {
      await waitFind({ kind: 'text', name: serial(text), exact }, `text ${describe(text)}`, timeoutMs);
    },
    async waitForHeading(name, { timeoutMs } = {}) {
      await waitFind({ kind: 'heading', name: serial(name) }, `heading ${describe(name)}`, timeoutMs);
    },
    async waitForItem(containing, text, { timeoutMs, gone = false } = {}) {
      const what = `the item “${containing}” ${gone ? 'no longer showing' : 'showing'} ${describe(text)}`;
      await waitFind({ kind: 'item', containing, name: serial(text), gone }, what, timeoutMs);
    },
    async click(name) {
      const button = await waitFind({ kind: 'button', name: serial(name) }, `button ${describe(name)}`);
      await button.evaluate((element) => (element as HTMLElement).click());
    },
    async fill(label, value) {
      const field = await waitFind({ kind: 'label', label }, `field “${label}”`);
      await field.evaluate((element, text) => {
        const input = element as HTMLInputElement | HTMLTextAreaElement;
        input.focus();
        const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set;
        setter?.call(input, text);
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, value);
    },
    async press(label, key) {
      const control = await waitFind({ kind: 'label', label }, `control “${label}”`);
      await control.focus();
      await control.press(key as Parameters<typeof control.press>[0]);
    },
    async attribute(label, attribute) {
      const control = await waitFind({ kind: 'label', label }, `control “${label}”`);
      return control.evaluate((element, name) => element.getAttribute(name), attribute);
    },
  };
}

export interface FirefoxBookTab extends BookTab {
  page: Page;
  frame(): Promise<Frame>;
}

export interface FirefoxExtensionPage extends ExtensionPageSurface {
  page: Page;
}

/** The journey driver, with the browser's own page objects for what only this browser's tests do. */
export interface FirefoxJourney extends JourneyBrowser {
  openBookPage(url: string): Promise<FirefoxBookTab>;
  openExtensionPage(file: string): Promise<FirefoxExtensionPage>;
}

export function firefoxJourney(ff: FirefoxExtensionBrowser, pages: FirefoxPages): FirefoxJourney {
  let control: Page | null = null;
  return {
    async openBookPage(url) {
      const page = await pages.open(url);
      return {
        page,
        frame: () => sidebarFrame(ff, page),
        sidebar: async () => firefoxSurface(await sidebarFrame(ff, page)),
        async tabId() {
          control ??= await ff.openExtensionPage('options.html');
          return (await tabReportFor(control, page.url())).tabId;
        },
        async reload() {
          await page.reload({ waitUntil: 'domcontentloaded' });
        },
        close: () => page.close(),
      };
    },
    async openExtensionPage(file) {
      const page = await ff.openExtensionPage(file);
      return { ...firefoxSurface(page), page, close: () => page.close() };
    },
  };
}
