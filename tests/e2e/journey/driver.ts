/**
 * What the reader's journey needs from a browser, so the same steps
 * (journey/steps.ts) run in Chromium (Playwright, journey/chromium.ts) and
 * in Firefox (Puppeteer over WebDriver BiDi, journey/firefox.ts). A surface
 * is one document the reader looks at: the sidebar framed into a page, the
 * popup, the options page. Names match as Playwright's do: a string is
 * found inside the text, a RegExp is tested against it.
 */
export type Name = string | RegExp;

export interface Wait {
  timeoutMs?: number;
}

export interface Surface {
  /** `exact`: some element's whole text is `text` (a string). */
  waitForText(text: Name, options?: Wait & { exact?: boolean }): Promise<void>;
  waitForHeading(name: Name, options?: Wait): Promise<void>;
  /** The list item containing `containing` shows `text` (or, with `gone`, shows it no more). */
  waitForItem(containing: string, text: Name, options?: Wait & { gone?: boolean }): Promise<void>;
  /** Clicks the button named `name`. */
  click(name: Name): Promise<void>;
  /** Types `value` into the field labelled `label`. */
  fill(label: string, value: string): Promise<void>;
  /** Presses `key` on the control labelled `label` (focusing it first), as a reader does. */
  press(label: string, key: string): Promise<void>;
  attribute(label: string, attribute: string): Promise<string | null>;
}

export interface ExtensionPageSurface extends Surface {
  close(): Promise<void>;
}

/** A tab showing a book page, with the sidebar the content script framed into it. */
export interface BookTab {
  sidebar(): Promise<Surface>;
  /** The tab's id, as the background recorded it from the content script's report. */
  tabId(): Promise<number>;
  /** Reloads the page, as a reader does; the content script frames a fresh sidebar. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface JourneyBrowser {
  /** Opens `url` (served from a saved page) in a new tab. */
  openBookPage(url: string): Promise<BookTab>;
  openExtensionPage(file: string): Promise<ExtensionPageSurface>;
}
