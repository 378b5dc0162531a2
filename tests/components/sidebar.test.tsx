// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SidebarPort } from '../../components/ports';
import { Sidebar } from '../../components/sidebar/Sidebar';
import { createSidebarState } from '../../components/sidebar/state';
import { fail, ok } from '../../lib/shared/messages/result';
import { expectNoAxeViolations } from './axe';
import {
  comment,
  commentsView,
  DEFAULT_SETTINGS,
  fakeSidebarPort,
  inCanonView,
  notInCanonView,
  pendingComment,
  WE_THINK_REF,
} from './fakes';
import { useLocale } from './locale';

beforeAll(() => useLocale('en'));
afterEach(cleanup);

/** Renders the sidebar over a fake backend and waits until the book has loaded. */
async function createSidebar(overrides: Partial<SidebarPort> = {}) {
  const backend = fakeSidebarPort(overrides);
  const state = createSidebarState(backend);
  state.start();
  const view = render(<Sidebar state={state} />);
  await waitFor(() => expect(state.book.value.status).not.toBe('loading'));
  if (state.book.value.status === 'ready' && state.book.value.value?.canon.answer.inCanon) {
    await waitFor(() => expect(state.comments.value.load.status).not.toBe('loading'));
  }
  return { backend, state, ...view };
}

describe('Sidebar', () => {
  it('shows canon status, metadata, rating, tags, chapters, comments and links', async () => {
    const { container } = await createSidebar();
    expect(screen.getByText('In the canon')).toBeTruthy();
    expect(screen.getByText('Mass innovation, not mass production')).toBeTruthy();
    expect(screen.getByText('3.5 of 5 stars from 4 confirmed ratings')).toBeTruthy();
    expect(screen.getByText('2 more ratings wait for their readers to confirm.')).toBeTruthy();
    expect(screen.getByText('collaboration')).toBeTruthy();
    expect(screen.getByText("From this page's catalogue record.")).toBeTruthy();
    expect(screen.getByText('p. 31')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '3 comments' })).toBeTruthy();
    expect(screen.getByText('Daniela Sangiorgi')).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('starts as a small tab when the layout says collapsed, and remembers opening and side', async () => {
    const { backend, container } = await createSidebar({
      loadSettings: vi.fn(async () => ok({ ...DEFAULT_SETTINGS, theme: 'dark' as const })),
    });
    const tab = screen.getByRole('button', { name: 'Open Bookside' });
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('In the canon')).toBeNull();
    await expectNoAxeViolations(container);

    fireEvent.click(tab);
    expect(backend.saveLayout).toHaveBeenLastCalledWith({ open: true, side: 'right' });
    fireEvent.click(screen.getByRole('button', { name: 'Move to the left' }));
    expect(backend.saveLayout).toHaveBeenLastCalledWith({ open: true, side: 'left' });
    expect(container.querySelector('.sidebar')?.getAttribute('data-theme')).toBe('dark');
  });

  it('says so when the tab shows no book', async () => {
    const { container } = await createSidebar({ loadBook: vi.fn(async () => ok(null)) });
    expect(screen.getByText('No book on this page.')).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('shows an offline state with a retry that loads again', async () => {
    const loadBook = vi.fn(async () => fail<null>('offline', 'No network.'));
    const { container } = await createSidebar({ loadBook });
    expect(screen.getByText(/You are offline/)).toBeTruthy();
    await expectNoAxeViolations(container);
    loadBook.mockResolvedValueOnce(ok(inCanonView()) as never);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('In the canon');
  });

  it('shows an error with the backend message', async () => {
    await createSidebar({ loadComments: vi.fn(async () => fail<never>('internal', 'The canon server broke.')) });
    expect(screen.getByText('Something went wrong: The canon server broke.')).toBeTruthy();
  });

  it('marks cached data shown while the server cannot be reached', async () => {
    const view = inCanonView();
    await createSidebar({ loadBook: vi.fn(async () => ok({ ...view, canon: { ...view.canon!, stale: true } })) });
    expect(screen.getAllByText(/Showing saved data/).length).toBeGreaterThan(0);
  });

  it('offers to nominate a book that is not in the canon, and still shows its chapters', async () => {
    const nominate = vi.fn(async () => ok(null));
    const { container } = await createSidebar({
      loadBook: vi.fn(async () => ok(notInCanonView())),
      nominate,
    });
    expect(screen.getByText('Not in the canon yet')).toBeTruthy();
    expect(screen.getByText('You are what you share')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /comments/i })).toBeNull();
    await expectNoAxeViolations(container);

    fireEvent.click(screen.getByRole('button', { name: 'Nominate' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Please fill this in.');
    expect(nominate).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Why does this book belong in the canon?'), {
      target: { value: 'Participation, not consumption.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Nominate' }));
    await screen.findByText('Thank you for nominating this book.');
    expect(nominate).toHaveBeenCalledWith(WE_THINK_REF, 'Participation, not consumption.');
    // Right after nominating, the panel says whose nomination it is, not "thanks for seconding".
    expect(screen.getByText('You nominated this.')).toBeTruthy();
    expect(screen.queryByText(/seconding/)).toBeNull();
  });

  it('never offers the reader a second of their own nomination, waiting in the outbox or on the server', async () => {
    const open = {
      id: 'n1',
      isbn13: '9781861978738',
      title: 'We-Think',
      authors: [],
      reason: 'A classic.',
      status: 'open' as const,
      supporters: 1,
      bookId: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const pendingNomination = {
      ...pendingComment('w9', 'queued'),
      intent: { kind: 'nomination' as const, title: 'We-Think', authors: [], reason: 'A classic.' },
    };
    await createSidebar({ loadBook: vi.fn(async () => ok(notInCanonView(null, { pending: [pendingNomination] }))) });
    expect(screen.getByText('You nominated this.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Nominate' })).toBeNull();
    cleanup();

    const { container } = await createSidebar({
      loadBook: vi.fn(async () =>
        ok(notInCanonView(open, { myNomination: { nominationId: 'n1', nominated: true, supporting: true } })),
      ),
    });
    expect(screen.getByText('You nominated this.')).toBeTruthy();
    expect(screen.getByText('Nominated by 1 reader.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Second this nomination' })).toBeNull();
    await expectNoAxeViolations(container);
    cleanup();

    await createSidebar({
      loadBook: vi.fn(async () =>
        ok(notInCanonView(open, { myNomination: { nominationId: 'n1', nominated: false, supporting: true } })),
      ),
    });
    expect(screen.getByText('You support this nomination.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Second this nomination' })).toBeNull();
  });

  it('offers to second an open nomination', async () => {
    const second = vi.fn(async () => ok(null));
    const nomination = {
      id: 'n1',
      isbn13: '9781861978738',
      title: 'We-Think',
      authors: [],
      reason: 'A classic.',
      status: 'open' as const,
      supporters: 2,
      bookId: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    await createSidebar({
      loadBook: vi.fn(async () => ok(notInCanonView(nomination, { chapters: null }))),
      second,
    });
    expect(screen.getByText('Nominated by 2 readers.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Second this nomination' }));
    await screen.findByText('Thank you for seconding this nomination.');
    expect(second).toHaveBeenCalledWith('n1');
    expect(screen.getByText('You support this nomination.')).toBeTruthy();
  });

  it('renders review links safely: http(s) clickable with safe rel, javascript: as text', async () => {
    await createSidebar();
    const good = screen.getByRole('link', { name: 'A review in The Guardian' });
    expect(good.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(screen.queryByRole('link', { name: /Sneaky/ })).toBeNull();
    expect(screen.getByText('Sneaky (javascript:alert(1))').tagName).toBe('SPAN');
  });

  it('adds a review link after checking it', async () => {
    const { backend } = await createSidebar();
    fireEvent.input(screen.getByLabelText('Web address'), { target: { value: 'data:text/html,<b>x</b>' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add link' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Only web addresses starting with http or https work here.',
    );
    expect(backend.addLink).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Web address'), { target: { value: 'https://example.org/review' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add link' }));
    await waitFor(() =>
      expect(backend.addLink).toHaveBeenCalledWith('book-we-think', 'https://example.org/review', '', 'We-Think'),
    );
    // Nothing checks links: a confirmed reader's is listed at once, and the panel says so.
    const said = await screen.findAllByText('Thank you. Your link is listed.');
    expect(said.length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toMatch(/checked/);
  });

  it('tells an unconfirmed reader their link is listed once they confirm', async () => {
    await createSidebar({
      loadBook: vi.fn(async () => ok(inCanonView({}, { identity: { registered: true, confirmed: false } }))),
    });
    fireEvent.input(screen.getByLabelText('Web address'), { target: { value: 'https://example.org/review' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add link' }));
    await screen.findAllByText('Thank you. Your link is listed once you follow the link we sent to your address.');
  });

  it("lets the reader add and remove their own tags, with the book's tags as suggestions", async () => {
    const { backend, container } = await createSidebar();
    const suggestions = [...container.querySelectorAll('#sidebar-tags-suggestions option')].map((o) =>
      o.getAttribute('value'),
    );
    expect(suggestions).toEqual(['collaboration', 'web culture']);
    fireEvent.input(screen.getByLabelText('Add a tag'), { target: { value: '  Web   Culture ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() =>
      expect(backend.setTags).toHaveBeenLastCalledWith('book-we-think', ['essays', 'web culture'], 'We-Think'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag essays' }));
    await waitFor(() => expect(backend.setTags).toHaveBeenLastCalledWith('book-we-think', ['web culture'], 'We-Think'));
  });

  it('follows change notices from the background', async () => {
    const loadComments = vi.fn(async () => ok(commentsView([comment('c1')])));
    const { backend } = await createSidebar({ loadComments });
    const listener = vi.mocked(backend.onChange).mock.calls[0]?.[0];
    loadComments.mockResolvedValueOnce(ok(commentsView([comment('c2', { authorName: 'Jeff Howard' }), comment('c1')])));
    listener?.('comments');
    await screen.findByText('Jeff Howard');
    // The live region tells screen-reader users that comments arrived.
    expect(screen.getByRole('status').textContent).toBe('2 comments loaded.');
  });

  it("loads the new book's comments and draft when a single-page site moves to another book", async () => {
    const loadBook = vi.fn(async () => ok(inCanonView()));
    const loadDraft = vi.fn(async (bookId: string) =>
      ok(bookId === 'book-other' ? { body: 'Draft for the other book', spoiler: false } : null),
    );
    const { backend } = await createSidebar({ loadBook, loadDraft });
    expect(screen.getByLabelText<HTMLTextAreaElement>('Your comment').value).toBe('');
    loadBook.mockResolvedValueOnce(ok(inCanonView({ id: 'book-other', title: 'Here Comes Everybody' })));
    vi.mocked(backend.onChange).mock.calls[0]?.[0]('book');
    await screen.findByText('Here Comes Everybody');
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLTextAreaElement>('Your comment').value).toBe('Draft for the other book'),
    );
    expect(backend.loadComments).toHaveBeenLastCalledWith('book-other', null);
  });

  it("says when the reader's own tags cannot be loaded", async () => {
    const offline = inCanonView({}, { mine: null });
    await createSidebar({
      loadBook: vi.fn(async () => ok({ ...offline, canon: { ...offline.canon!, origin: 'snapshot' as const } })),
    });
    expect(screen.queryByLabelText('Add a tag')).toBeNull();
    expect(screen.getByText('Your tags can be changed once Bookside is back online.')).toBeTruthy();
  });
});
