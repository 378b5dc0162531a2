// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SidebarPort } from '../../components/ports';
import { CommentForm } from '../../components/sidebar/CommentForm';
import { CommentsPanel } from '../../components/sidebar/CommentsPanel';
import { createSidebarState } from '../../components/sidebar/state';
import { StatusPanel } from '../../components/sidebar/StatusPanel';
import { LiveRegion } from '../../components/shared/LiveRegion';
import { fail, ok } from '../../lib/shared/messages/result';
import { expectNoAxeViolations } from './axe';
import { comment, commentsView, fakeSidebarPort, inCanonView, pendingComment } from './fakes';
import { useLocale } from './locale';

beforeAll(() => useLocale('en'));
afterEach(cleanup);

async function createState(overrides: Partial<SidebarPort>) {
  const backend = fakeSidebarPort(overrides);
  const state = createSidebarState(backend);
  state.start();
  await waitFor(() => expect(state.comments.value.load.status).not.toBe('loading'));
  await waitFor(() => expect(state.identity.value.status).not.toBe('loading'));
  return { backend, state };
}

/** The comments panel alone, with the live region that announces its changes. */
async function createCommentsPanel(overrides: Partial<SidebarPort> = {}) {
  const made = await createState(overrides);
  const view = render(
    <main>
      <CommentsPanel state={made.state} total={3} />
      <LiveRegion message={made.state.announcement} />
    </main>,
  );
  return { ...made, ...view };
}

async function createCommentForm(overrides: Partial<SidebarPort> = {}) {
  const made = await createState(overrides);
  const view = render(
    <main>
      <CommentForm state={made.state} />
      <LiveRegion message={made.state.announcement} />
    </main>,
  );
  return { ...made, ...view };
}

describe('CommentsPanel', () => {
  it('folds spoilers behind a toggle', async () => {
    const { container } = await createCommentsPanel({
      loadComments: vi.fn(async () =>
        ok(commentsView([comment('s1', { body: 'Chapter 7 reveals the ending.', spoiler: true })])),
      ),
    });
    expect(screen.queryByText('Chapter 7 reveals the ending.')).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show spoiler' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await expectNoAxeViolations(container);
    fireEvent.click(toggle);
    expect(screen.getByText('Chapter 7 reveals the ending.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hide spoiler' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('shows markup and unsafe addresses in a comment as text, and http(s) addresses as safe links', async () => {
    const body =
      '<script>alert(1)</script> <img src=x onerror=alert(2)> javascript:alert(3) see https://example.org/review.';
    const { container } = await createCommentsPanel({
      loadComments: vi.fn(async () => ok(commentsView([comment('x', { body })]))),
    });
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.comment-body')?.textContent).toBe(body);
    const links = container.querySelectorAll('.comment-body a');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://example.org/review');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    await expectNoAxeViolations(container);
  });

  it('loads more comments, newest first, and announces them', async () => {
    const loadComments = vi.fn(async (_bookId: string, cursor: string | null) =>
      cursor === null
        ? ok(commentsView([comment('c3', { authorName: 'Jeff Howard' })], 'page-2'))
        : ok(commentsView([comment('c2', { authorName: 'Qin Han' }), comment('c1')])),
    );
    const { container } = await createCommentsPanel({ loadComments });
    expect(screen.getByRole('status').textContent).toBe('1 comment loaded.');
    fireEvent.click(screen.getByRole('button', { name: 'Load more comments' }));
    await screen.findByText('Qin Han');
    expect(loadComments).toHaveBeenLastCalledWith('book-we-think', 'page-2');
    const authors = [...container.querySelectorAll('.comment .author')].map((a) => a.textContent);
    expect(authors).toEqual(['Jeff Howard', 'Qin Han', 'Daniela Sangiorgi']);
    expect(screen.getByRole('status').textContent).toBe('2 more comments loaded.');
    expect(screen.queryByRole('button', { name: 'Load more comments' })).toBeNull();
  });

  it("offers a flag menu for others' comments but not the reader's own, and marks own waiting comments", async () => {
    const { backend, container } = await createCommentsPanel({
      loadComments: vi.fn(async () =>
        ok(commentsView([comment('mine', { mine: true, status: 'waiting', authorName: 'Me' }), comment('theirs')])),
      ),
    });
    expect(screen.getByText('Waiting for your confirmation')).toBeTruthy();
    const reports = screen.getAllByRole('button', { name: 'Report' });
    expect(reports).toHaveLength(1);
    fireEvent.click(reports[0]!);
    await expectNoAxeViolations(container);
    fireEvent.click(screen.getByRole('button', { name: 'Spam' }));
    await screen.findByText('Reported. Thank you.');
    expect(backend.flagComment).toHaveBeenCalledWith('book-we-think', 'theirs', 'spam');
  });

  it('copies a published comment’s permalink on the canon’s web page, and offers none for a waiting one', async () => {
    const { backend, container } = await createCommentsPanel({
      loadComments: vi.fn(async () =>
        ok(commentsView([comment('mine', { mine: true, status: 'waiting', authorName: 'Me' }), comment('theirs')])),
      ),
    });
    const copy = await screen.findAllByRole('button', { name: /^Copy link/ });
    expect(copy).toHaveLength(1);
    await expectNoAxeViolations(container);
    fireEvent.click(copy[0]!);
    await screen.findByText('Link copied.');
    expect(backend.copyText).toHaveBeenCalledWith('http://127.0.0.1:8787/books/book-we-think#comment-theirs');
  });

  it('says so when the browser refuses to copy', async () => {
    await createCommentsPanel({ copyText: vi.fn(async () => fail('clipboard', 'The browser did not allow copying.')) });
    fireEvent.click((await screen.findAllByRole('button', { name: /^Copy link/ }))[0]!);
    await screen.findByText('The browser did not allow copying.');
  });

  it('links the book to its page on the canon’s web site, by the canon’s name', async () => {
    const view = inCanonView();
    if (view.canon === null) throw new Error('the fake view is in the canon');
    render(
      <StatusPanel
        view={{ ...view, canon: view.canon }}
        site={{ serverUrl: 'https://canon.example', canonName: 'Service Design Canon' }}
      />,
    );
    const link = screen.getByRole('link', { name: 'Open in the Service Design Canon' });
    const id = view.canon.answer.inCanon ? view.canon.answer.entry.id : '';
    expect(link.getAttribute('href')).toBe(`https://canon.example/books/${id}`);
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
  });

  it('closes the flag menu with Escape and returns focus to its button', async () => {
    await createCommentsPanel();
    const report = screen.getByRole('button', { name: 'Report' });
    fireEvent.click(report);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Offensive' }), { key: 'Escape' });
    expect(screen.queryByRole('button', { name: 'Offensive' })).toBeNull();
    expect(document.activeElement).toBe(report);
  });

  it("lists the reader's queued comments: waiting, and failed with a retry", async () => {
    const { backend } = await createCommentsPanel({
      loadBook: vi.fn(async () =>
        ok(inCanonView({}, { pending: [pendingComment('w1', 'queued'), pendingComment('w2', 'failed')] })),
      ),
    });
    expect(screen.getByText('Waiting to be sent')).toBeTruthy();
    expect(screen.getByText('Failed')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(backend.retryWrite).toHaveBeenCalledWith('w2'));
  });

  it('says when there are no comments yet', async () => {
    await createCommentsPanel({
      loadComments: vi.fn(async () => ok(commentsView([]))),
    });
    expect(screen.getByText('No comments yet. Be the first.')).toBeTruthy();
  });
});

describe('CommentForm', () => {
  it('saves the draft as the reader types and restores a saved one', async () => {
    const { backend, container } = await createCommentForm({
      loadDraft: vi.fn(async () => ok({ body: 'Half-written thought', spoiler: true })),
    });
    const box = screen.getByLabelText<HTMLTextAreaElement>('Your comment');
    expect(box.value).toBe('Half-written thought');
    expect(screen.getByLabelText<HTMLInputElement>('Contains spoilers').checked).toBe(true);
    fireEvent.input(box, { target: { value: 'Half-written thought, finished.' } });
    expect(backend.saveDraft).toHaveBeenLastCalledWith('book-we-think', {
      body: 'Half-written thought, finished.',
      spoiler: true,
    });
    await expectNoAxeViolations(container);
  });

  it('keeps the draft after a failed post and says why', async () => {
    const { backend } = await createCommentForm({
      postComment: vi.fn(async () => fail<never>('internal', 'The outbox is full.')),
    });
    fireEvent.input(screen.getByLabelText('Your comment'), { target: { value: 'Worth reading.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The outbox is full.');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Your comment').value).toBe('Worth reading.');
    expect(backend.saveDraft).not.toHaveBeenCalledWith('book-we-think', null);
    expect(screen.getByRole('status').textContent).toBe(
      'Your comment was not sent: The outbox is full. Your text is kept.',
    );
  });

  it('queues a comment, clears the draft and announces it', async () => {
    const { backend, state } = await createCommentForm();
    fireEvent.input(screen.getByLabelText('Your comment'), { target: { value: '  Worth reading.  ' } });
    fireEvent.click(screen.getByLabelText('Contains spoilers'));
    fireEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    await waitFor(() =>
      expect(backend.postComment).toHaveBeenCalledWith('book-we-think', { body: 'Worth reading.', spoiler: true }),
    );
    await waitFor(() => expect(backend.saveDraft).toHaveBeenLastCalledWith('book-we-think', null));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Your comment').value).toBe('');
    expect(state.pending.value.map((w) => w.id)).toEqual(['w1']);
    expect(screen.getByRole('status').textContent).toMatch(/Your comment will be sent/);
  });

  it('refuses an empty comment without calling the backend', async () => {
    const { backend } = await createCommentForm();
    fireEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Please fill this in.');
    expect(backend.postComment).not.toHaveBeenCalled();
  });

  it('tells an unconfirmed reader to check their inbox, with a resend', async () => {
    const { backend, container } = await createCommentForm({
      loadIdentity: vi.fn(async () => ok({ name: 'Qin Han', email: 'qin@example.org', confirmed: false })),
    });
    expect(screen.getByText(/Check your inbox at qin@example.org/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send the e-mail again' }));
    await waitFor(() => expect(backend.resendConfirmation).toHaveBeenCalled());
    expect(screen.getAllByText('Confirmation e-mail sent again.').length).toBeGreaterThan(0);
    await expectNoAxeViolations(container);
  });

  it('sends a reader without an identity to the options page', async () => {
    const { backend } = await createCommentForm({ loadIdentity: vi.fn(async () => ok(null)) });
    fireEvent.click(screen.getByRole('button', { name: 'Open options' }));
    expect(backend.openOptions).toHaveBeenCalled();
  });
});
