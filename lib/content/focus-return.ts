/**
 * Where the keyboard was before the sidebar opened, so collapsing it (Escape
 * or the shortcut) puts the reader back there. Only a place in the page is
 * remembered: opened from its own tab, the sidebar gives focus back to that
 * tab itself, inside its frame.
 */
export interface FocusReturn {
  /** Notes the page's focused element, unless focus is already in the sidebar. */
  remember(): void;
  /** Back to the noted element, if focus is still in the sidebar (or nowhere) and the element still there. */
  restore(): void;
}

export function createFocusReturn(doc: Document, inSidebar: (element: Element) => boolean): FocusReturn {
  let noted: HTMLElement | null = null;
  return {
    remember() {
      const active = doc.activeElement;
      const focusable = active !== null && typeof (active as HTMLElement).focus === 'function';
      noted = focusable && active !== doc.body && !inSidebar(active) ? (active as HTMLElement) : null;
    },
    restore() {
      const element = noted;
      noted = null;
      const active = doc.activeElement;
      const focusLeftPage = active === null || active === doc.body || inSidebar(active);
      if (element !== null && element.isConnected && focusLeftPage) element.focus({ preventScroll: true });
    },
  };
}
