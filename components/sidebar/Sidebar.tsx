import '../shared/theme.css';
import './sidebar.css';
import { t } from '../i18n';
import { LiveRegion } from '../shared/LiveRegion';
import { PanelFrame } from '../shared/PanelFrame';
import type { AnsweredBook } from '../ports';
import { isStale } from '../shared/tab-book';
import { ChaptersPanel } from './ChaptersPanel';
import { CommentForm } from './CommentForm';
import { CommentsPanel } from './CommentsPanel';
import { LinksPanel } from './LinksPanel';
import { NominationPanel } from './NominationPanel';
import { RatingPanel } from './RatingPanel';
import type { SidebarState } from './state';
import { StatusPanel } from './StatusPanel';
import { TagsPanel } from './TagsPanel';

/**
 * The sidebar: a small tab while collapsed, the panels when open. The frame
 * around it (in the page or the browser's side panel) sizes itself from the
 * saved layout. In the browser's side panel (`inPage` false) the browser
 * owns opening, closing and the side, so those controls are left out.
 */
export function Sidebar({ state, inPage = true }: { state: SidebarState; inPage?: boolean }) {
  const look = state.look.value;
  if (look === null) return null;
  const { layout } = look;
  const theme = look.theme === 'system' ? undefined : look.theme;

  if (!layout.open) {
    return (
      <div class={`bookside sidebar collapsed side-${layout.side}`} data-theme={theme}>
        <button
          type="button"
          class="sidebar-tab"
          aria-expanded="false"
          aria-controls="sidebar-main"
          onClick={() => state.setLayout({ open: true })}
        >
          {t('sidebar.open')}
        </button>
        <LiveRegion message={state.announcement} />
      </div>
    );
  }

  const otherSide = layout.side === 'right' ? 'left' : 'right';
  return (
    <div class={`bookside sidebar side-${layout.side}`} data-theme={theme}>
      <header class="sidebar-header">
        <h1 class="brand">{t('sidebar.brand')}</h1>
        {inPage && (
          <>
            <button type="button" onClick={() => state.setLayout({ side: otherSide })}>
              {otherSide === 'left' ? t('sidebar.moveLeft') : t('sidebar.moveRight')}
            </button>
            <button
              type="button"
              aria-expanded="true"
              aria-controls="sidebar-main"
              onClick={() => state.setLayout({ open: false })}
            >
              {t('sidebar.collapse')}
            </button>
          </>
        )}
      </header>
      <main id="sidebar-main">
        <PanelFrame
          id="book"
          title={t('sidebar.bookHeading')}
          load={state.book.value}
          isEmpty={(view) => view === null}
          emptyText={t('sidebar.noBook')}
          onRetry={() => void state.loadBook()}
        >
          {(view) => view && <BookPanels state={state} view={view} />}
        </PanelFrame>
      </main>
      <LiveRegion message={state.announcement} />
    </div>
  );
}

function BookPanels({ state, view }: { state: SidebarState; view: AnsweredBook }) {
  const lookup = view.canon.answer;
  return (
    <>
      {isStale(view.canon) && <p class="notice">{t('state.stale')}</p>}
      <StatusPanel view={view} site={state.site.value} />
      {lookup.inCanon && <RatingPanel rating={lookup.entry.rating} />}
      {lookup.inCanon && <TagsPanel state={state} tags={lookup.entry.tags} />}
      <ChaptersPanel list={view.chapters} />
      {!lookup.inCanon && <NominationPanel state={state} nomination={lookup.nomination} />}
      {lookup.inCanon && <CommentsPanel state={state} total={lookup.entry.commentCount} />}
      {lookup.inCanon && <CommentForm state={state} />}
      {lookup.inCanon && <LinksPanel state={state} links={lookup.entry.links} />}
    </>
  );
}
