// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SidebarPort } from '../../components/ports';
import { Sidebar } from '../../components/sidebar/Sidebar';
import { createSidebarState } from '../../components/sidebar/state';
import { fail, ok } from '../../lib/shared/messages/result';
import type { BookView } from '../../lib/shared/messages/views';
import { expectNoAxeViolations } from './axe';
import { fakeSidebarPort, inCanonView } from './fakes';
import { useLocale } from './locale';

beforeAll(() => useLocale('en'));
afterEach(cleanup);

async function createSidebar(view: BookView, overrides: Partial<SidebarPort> = {}) {
  const backend = fakeSidebarPort({ loadBook: vi.fn(async () => ok<BookView | null>(view)), ...overrides });
  const state = createSidebarState(backend);
  state.start();
  const rendered = render(<Sidebar state={state} />);
  await waitFor(() => expect(state.book.value.status).toBe('ready'));
  await waitFor(() => expect(state.comments.value.load.status).not.toBe('loading'));
  const slider = screen.getByRole('slider', { name: 'Your rating' });
  const note = () => document.getElementById(slider.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
  return { backend, state, slider, note, ...rendered };
}

const NO_IDENTITY = { registered: false, confirmed: false };
const UNCONFIRMED = { registered: true, confirmed: false };

describe('the sidebar’s own rating', () => {
  it('shows the reader’s rating beside the canon’s, and says it counts once confirmed', async () => {
    const { slider, note, container } = await createSidebar(inCanonView());
    expect(slider.getAttribute('aria-valuenow')).toBe('4');
    expect(note()).toBe('Your rating counts.');
    expect(screen.getByText('3.5 of 5 stars from 4 confirmed ratings')).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('rates by half stars from the keyboard, at once, through the port with the book’s title', async () => {
    const { backend, slider } = await createSidebar(inCanonView());
    fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(slider.getAttribute('aria-valuenow')).toBe('3.5');
    await waitFor(() => expect(backend.setRating).toHaveBeenCalledWith('book-we-think', 3.5, 'We-Think'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove rating' }));
    await waitFor(() => expect(backend.setRating).toHaveBeenLastCalledWith('book-we-think', null, 'We-Think'));
    expect(slider.getAttribute('aria-valuetext')).toBe('Not rated');
  });

  it('puts the rating back when the background refuses it', async () => {
    const { slider } = await createSidebar(inCanonView(), {
      setRating: vi.fn(async () => fail<null>('internal', 'Could not save.')),
    });
    fireEvent.keyDown(slider, { key: 'End' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not save.'));
    expect(slider.getAttribute('aria-valuenow')).toBe('4');
  });

  it('says before and after rating that without an identity the rating waits unsent, and leads to the form’s name field', async () => {
    const { slider, note, backend, container } = await createSidebar(
      inCanonView({}, { mine: null, identity: NO_IDENTITY }),
      { loadIdentity: vi.fn(async () => ok(null)) },
    );
    expect(note()).toBe(
      'You have not set a name and e-mail address yet. A rating you give now waits in this browser, unsent, until you do.',
    );
    fireEvent.keyDown(slider, { key: 'End' });
    await waitFor(() =>
      expect(note()).toBe('Your rating waits in this browser, unsent, until you set your name and e-mail address.'),
    );
    expect(backend.setRating).toHaveBeenCalledWith('book-we-think', 5, 'We-Think');
    await screen.findByLabelText('Name');
    fireEvent.click(screen.getByRole('button', { name: 'Set name and e-mail address' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    expect(backend.openOptions).not.toHaveBeenCalled();
    await expectNoAxeViolations(container);
  });

  it('calls an unconfirmed reader’s rating provisional, without naming the address', async () => {
    const { slider, note, container } = await createSidebar(
      inCanonView(
        {},
        { mine: { bookId: 'book-we-think', rating: null, tags: [], provisional: true }, identity: UNCONFIRMED },
      ),
      { loadIdentity: vi.fn(async () => ok({ name: 'Qin Han', email: 'qin@example.org', confirmed: false })) },
    );
    expect(note()).toBe('Your rating will be provisional until you follow the link we sent to your address.');
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    await waitFor(() =>
      expect(note()).toBe('Your rating is provisional until you follow the link we sent to your address.'),
    );
    await waitFor(() => expect(container.querySelector('#comment-body')).toBeTruthy());
    expect(container.textContent).not.toContain('qin@example.org');
  });

  it('waits, saying why, while the reader’s own state cannot be loaded', async () => {
    const { slider, note } = await createSidebar(
      inCanonView({}, { mine: null, canon: { ...inCanonView().canon!, origin: 'snapshot' } }),
    );
    expect(slider.getAttribute('aria-disabled')).toBe('true');
    expect(note()).toBe('Your rating can be changed once Bookside is back online.');
  });
});
