/**
 * What a page needs only once it holds a book: showing the sidebar (or its
 * collapsed tab) where the keyboard finds it, quiet mode's wait for the
 * canon's answer, the keyboard shortcut, and focus going back to the page
 * when the sidebar collapses. Most pages of a site are not one book, so this
 * is not in the site script every page receives: the page agent loads it
 * (`content-scripts/sidebar-controls.js`, sidebar-controls-loader.ts) once
 * its first book is found, and hands it the hidden early frame if it made one.
 */
import type { BookRef } from '../shared/book-ref';
import type { CanonStanding } from '../shared/messages/views';
import { ok } from '../shared/messages/result';
import { bookKey } from './book-key';
import type { CommandHandlers } from './command-listener';
import { placeInTabOrder } from './focus-placement';
import { createFocusReturn } from './focus-return';
import type { PageContext } from './page-context';
import type { PageSettings } from './page-settings';
import { mountSidebarFrame, type SidebarFrame } from './sidebar-frame';
import { needsStanding, sidebarShown } from './sidebar-visibility';

export interface SidebarControlsDeps {
  /** Quiet mode: what the canon knows of the book just reported (null: the background has no report). */
  standing(): Promise<CanonStanding | null>;
  /** The reader opened or collapsed the sidebar here (the shortcut): every page follows. */
  rememberOpen(open: boolean): Promise<unknown>;
  /** The background's commands to this tab (the keyboard shortcut). */
  listenForCommands(handlers: CommandHandlers, signal: AbortSignal): void;
}

/** What the page agent knows when the controls arrive. */
export interface SidebarControlsStart {
  sidebarUrl: string;
  settings: PageSettings;
  /** The early frame (hidden), if the agent made one: shown, or removed, from now on by the controls. */
  frame: SidebarFrame | undefined;
}

export interface SidebarControls {
  /**
   * After every check: the book found (or none) and the promise of its
   * report. A different book than last time is shown afresh (quiet mode asks
   * again, once the report has landed); the same one is only put back if the
   * page re-rendered the frame away.
   */
  show(book: BookRef | null, reported: Promise<unknown>): Promise<void>;
  /** The reader opened, closed, moved or re-placed the sidebar (in any tab), or changed quiet mode. */
  settingsChanged(settings: PageSettings): void;
}

/** How the loaded script hands the controls to the page agent (its own browser dependencies bound). */
export type StartSidebarControls = (ctx: PageContext, start: SidebarControlsStart) => SidebarControls;

export function startSidebarControls(
  ctx: PageContext,
  { sidebarUrl, settings, frame: earlyFrame }: SidebarControlsStart,
  deps: SidebarControlsDeps,
): SidebarControls {
  let { layout, showOn } = settings;
  let book: BookRef | null = null;
  let key: string | undefined;
  /** What the canon knows of `book`, once the background answered (quiet mode only; undefined until then). */
  let standing: CanonStanding | null | undefined;
  /** The reader asked for the sidebar on this book with the shortcut, quiet mode or not. */
  let revealed = false;
  let frame = earlyFrame;
  const focusReturn = createFocusReturn(document, (element) => frame?.contains(element) === true);
  ctx.onInvalidated(() => frame?.remove());

  /**
   * The show step: a frame exactly when there is a book the reader wants to hear about, in pages. The
   * early frame waits, hidden, in quiet mode for the canon's answer too; `setLayout` shows that same
   * frame, so its head start is kept.
   */
  const syncFrame = () => {
    const wanted = book !== null && layout.placement === 'page' && ctx.isValid;
    if (wanted && (revealed || sidebarShown(showOn, standing))) {
      if (frame?.isAttached()) frame.setLayout(layout);
      else frame = mountSidebarFrame(document, sidebarUrl, layout, (host) => placeInTabOrder(document, host));
    } else if (wanted && standing === undefined && needsStanding(showOn) && frame?.isAttached() && !frame.isShown()) {
      // Quiet mode: the hidden frame waits for the canon's answer rather than going and coming back.
    } else {
      frame?.remove();
      frame = undefined;
    }
  };

  /** Quiet mode waits for the background's answer about this book (asked after the report it answers about). */
  const askStanding = async () => {
    if (book === null || !needsStanding(showOn)) return;
    const asked = key;
    const answer = await deps.standing().catch(() => null);
    if (asked !== key) return;
    standing = answer;
    syncFrame();
  };

  deps.listenForCommands(
    {
      async toggleSidebar() {
        if (book === null || layout.placement !== 'page' || !ctx.isValid) return ok(false);
        // Hidden by quiet mode, the shortcut still shows this book's sidebar: the reader asked for it.
        const open = frame?.isAttached() && frame.isShown() ? !layout.open : true;
        revealed = true;
        if (open) focusReturn.remember();
        layout = { ...layout, open };
        syncFrame();
        if (open) frame?.focus();
        else focusReturn.restore();
        await deps.rememberOpen(open).catch(() => undefined);
        return ok(true);
      },
    },
    ctx.signal,
  );

  return {
    async show(found, reported) {
      const foundKey = found ? bookKey(found) : '';
      if (foundKey === key) {
        // Same book, but the page may have re-rendered the sidebar away.
        if (frame && !frame.isAttached()) syncFrame();
        return;
      }
      key = foundKey;
      book = found;
      standing = undefined;
      revealed = false;
      syncFrame();
      await reported;
      await askStanding();
    },
    settingsChanged(next) {
      // Collapsed from inside the sidebar (Escape, its button): the keyboard goes back where it was.
      const collapsed = layout.open && !next.layout.open;
      const quietChanged = next.showOn !== showOn;
      ({ layout, showOn } = next);
      syncFrame();
      if (collapsed) focusReturn.restore();
      if (quietChanged) void askStanding();
    },
  };
}
