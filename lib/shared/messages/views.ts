/** What the background answers with: plain, structured-cloneable values. */
import type { CommentPage, LookupAnswer, MyBookState } from '../api';
import type { BookRef, Chapter } from '../book-ref';
import type { SidebarLayout, Theme } from '../settings/appearance';
import type { WriteIntent } from './payloads';

export interface CanonStatus {
  answer: LookupAnswer;
  /** "snapshot": the canon shipped with the extension answered because the server could not. */
  origin: 'server' | 'snapshot';
  fetchedAt: number;
  /** Shown from the cache past its expiry while a refresh runs; ask again with `refresh`. */
  stale: boolean;
}

/** Where a chapter list came from: the canon, the page's own record, or Open Library. */
export type ChapterSource = 'canon' | 'page' | 'openlibrary';

export interface ChapterList {
  source: ChapterSource;
  chapters: Chapter[];
}

/** Public data only: what a content script may see. */
export interface PublicBookView {
  book: BookRef;
  /** Null when neither the server nor the shipped snapshot could answer. */
  canon: CanonStatus | null;
  /** The best chapter list any source has; null when none knows any. */
  chapters: ChapterList | null;
}

export interface PendingWrite {
  id: string;
  intent: WriteIntent;
  createdAt: number;
  attempts: number;
  /** "waiting-for-identity": kept until this browser registers a commenter identity. */
  state: 'waiting-for-identity' | 'queued' | 'sending' | 'failed';
  nextAttemptAt: number | null;
  error: string | null;
  /** The book it is about, when the background knows its title. */
  bookTitle: string | null;
}

/** Everything the sidebar and popup show for one tab. */
export interface BookView extends PublicBookView {
  tabId: number;
  url: string;
  /** This reader's rating and tags as the server has them; null without identity or server. */
  mine: MyBookState | null;
  /** Writes for this book (or its nomination) not yet acknowledged by the server. */
  pending: PendingWrite[];
  identity: { registered: boolean; confirmed: boolean };
}

export interface CommentsView {
  page: CommentPage;
  fetchedAt: number;
  stale: boolean;
}

/** For extension pages only: it carries the e-mail address. */
export interface IdentityView {
  server: string;
  name: string;
  email: string;
  confirmed: boolean;
  confirmedAt: string | null;
  /** The server no longer recognises this identity; register again. */
  rejected: boolean;
  checkedAt: number;
}

export interface SettingsView {
  serverUrl: string;
  defaultServerUrl: string;
  /** The canon's name, from the shipped snapshot: pages say "the Service Design Canon". */
  canonName: string;
  sites: Record<string, boolean>;
  anySite: boolean;
  sidebar: SidebarLayout;
  theme: Theme;
}
