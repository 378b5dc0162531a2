// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PopupPort } from '../../components/ports';
import { Popup } from '../../components/popup/Popup';
import { createPopupState } from '../../components/popup/state';
import { RatingInput } from '../../components/shared/RatingInput';
import { fail, ok } from '../../lib/shared/messages/result';
import { expectNoAxeViolations } from './axe';
import { DEFAULT_SETTINGS, fakePopupPort, inCanonView, notInCanonView } from './fakes';
import { useLocale } from './locale';

beforeAll(() => useLocale('en'));
afterEach(cleanup);

async function createPopup(overrides: Partial<PopupPort> = {}) {
  const backend = fakePopupPort(overrides);
  const state = createPopupState(backend);
  state.start();
  const view = render(<Popup state={state} />);
  await waitFor(() => expect(state.book.value.status).not.toBe('loading'));
  await waitFor(() => expect(state.identity.value.status).not.toBe('loading'));
  return { backend, state, ...view };
}

function createRatingInput(value: number | null) {
  const onChange = vi.fn();
  const view = render(
    <main>
      <RatingInput value={value} label="Your rating" onChange={onChange} />
    </main>,
  );
  return { onChange, slider: screen.getByRole('slider', { name: 'Your rating' }), ...view };
}

describe('RatingInput', () => {
  it('is a labelled slider that speaks its value', async () => {
    const { slider, container } = createRatingInput(3.5);
    expect(slider.getAttribute('aria-valuenow')).toBe('3.5');
    expect(slider.getAttribute('aria-valuetext')).toBe('3.5 of 5 stars');
    expect(slider.tabIndex).toBe(0);
    await expectNoAxeViolations(container);
  });

  it('steps by half stars with the arrow keys and jumps with Home and End', () => {
    const { slider, onChange } = createRatingInput(3);
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(onChange).toHaveBeenLastCalledWith(3.5);
    fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(onChange).toHaveBeenLastCalledWith(2.5);
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(onChange).toHaveBeenLastCalledWith(0.5);
    fireEvent.keyDown(slider, { key: 'End' });
    expect(onChange).toHaveBeenLastCalledWith(5);
    onChange.mockClear();
    fireEvent.keyDown(slider, { key: 'a' });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('does not go past 5 and starts at half a star from "not rated"', () => {
    const full = createRatingInput(5);
    fireEvent.keyDown(full.slider, { key: 'ArrowUp' });
    expect(full.onChange).not.toHaveBeenCalled();
    cleanup();
    const empty = createRatingInput(null);
    expect(empty.slider.getAttribute('aria-valuetext')).toBe('Not rated');
    fireEvent.keyDown(empty.slider, { key: 'ArrowRight' });
    expect(empty.onChange).toHaveBeenLastCalledWith(0.5);
  });

  it('takes a click on the left half of a star as a half star', () => {
    const { container, onChange } = createRatingInput(null);
    const fourth = container.querySelector<HTMLElement>('[data-star="3"]')!;
    fourth.getBoundingClientRect = () => ({
      left: 100,
      width: 20,
      top: 0,
      height: 20,
      right: 120,
      bottom: 20,
      x: 100,
      y: 0,
      toJSON: () => ({}),
    });
    fireEvent.click(fourth, { clientX: 105 });
    expect(onChange).toHaveBeenLastCalledWith(3.5);
    fireEvent.click(fourth, { clientX: 115 });
    expect(onChange).toHaveBeenLastCalledWith(4);
  });
});

describe('Popup', () => {
  it("shows the tab's book, the reader's rating, provisional state, and tag suggestions", async () => {
    const { container } = await createPopup();
    expect(screen.getByText('We-Think')).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Your rating' }).getAttribute('aria-valuenow')).toBe('3');
    const slider = screen.getByRole('slider', { name: 'Your rating' });
    const note = document.getElementById(slider.getAttribute('aria-describedby')!);
    expect(note?.textContent).toBe('Your rating is provisional until you follow the link we sent to your address.');
    // The popup says where the link went without repeating the address.
    expect(container.textContent).not.toContain('qin@example.org');
    const suggestions = [...container.querySelectorAll('#popup-tags-suggestions option')].map((o) =>
      o.getAttribute('value'),
    );
    expect(suggestions).toEqual(['collaboration', 'web culture']);
    await expectNoAxeViolations(container);
  });

  it('saves a rating from the keyboard and shows it at once', async () => {
    const { backend } = await createPopup();
    const slider = screen.getByRole('slider', { name: 'Your rating' });
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(slider.getAttribute('aria-valuenow')).toBe('3.5');
    await waitFor(() => expect(backend.setRating).toHaveBeenCalledWith('book-we-think', 3.5, 'We-Think'));
  });

  it('puts the old rating back when saving fails, and says why', async () => {
    await createPopup({ setRating: vi.fn(async () => fail<null>('internal', 'Could not save.')) });
    const slider = screen.getByRole('slider', { name: 'Your rating' });
    fireEvent.keyDown(slider, { key: 'End' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not save.'));
    expect(slider.getAttribute('aria-valuenow')).toBe('3');
  });

  it('says "no book on this page" and still opens the sidebar and options', async () => {
    const { backend, container } = await createPopup({ loadBook: vi.fn(async () => ok(null)) });
    expect(screen.getByText('No book on this page.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open sidebar' }));
    expect(backend.openSidebar).toHaveBeenCalled();
    await expectNoAxeViolations(container);
  });

  it('tells a reader without an identity, before and after rating, that the rating waits unsent', async () => {
    const { backend, container } = await createPopup({
      loadIdentity: vi.fn(async () => ok(null)),
      loadBook: vi.fn(async () =>
        ok(inCanonView({}, { mine: null, identity: { registered: false, confirmed: false } })),
      ),
    });
    expect(
      screen.getByText(
        'You have not set a name and e-mail address yet. A rating you give now waits in this browser, unsent, until you do.',
      ),
    ).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('slider', { name: 'Your rating' }), { key: 'End' });
    await screen.findByText('Your rating waits in this browser, unsent, until you set your name and e-mail address.');
    expect(backend.setRating).toHaveBeenCalledWith('book-we-think', 5, 'We-Think');
    fireEvent.click(screen.getByRole('button', { name: 'Set name and e-mail address' }));
    expect(backend.openOptions).toHaveBeenCalled();
    await expectNoAxeViolations(container);
  });

  it('points a reader without an identity to the options on a book the canon does not hold', async () => {
    const { backend } = await createPopup({
      loadIdentity: vi.fn(async () => ok(null)),
      loadBook: vi.fn(async () => ok(notInCanonView(null, { identity: { registered: false, confirmed: false } }))),
    });
    expect(screen.getByText(/Without a name and e-mail address/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open options' }));
    expect(backend.openOptions).toHaveBeenCalled();
  });

  it('for a book not in the canon, shows no rating and points to the sidebar', async () => {
    await createPopup({
      loadBook: vi.fn(async () => ok(notInCanonView())),
    });
    expect(screen.queryByRole('slider')).toBeNull();
    expect(screen.getByText('Open the sidebar to nominate this book for the canon.')).toBeTruthy();
  });

  it('marks a confirmed rating as confirmed and applies the dark theme', async () => {
    const { container } = await createPopup({
      loadSettings: vi.fn(async () => ok({ ...DEFAULT_SETTINGS, theme: 'dark' as const })),
      loadBook: vi.fn(async () =>
        ok(
          inCanonView(
            {},
            {
              mine: { bookId: 'b', rating: 4, tags: ['essays'], provisional: false },
              identity: { registered: true, confirmed: true },
            },
          ),
        ),
      ),
    });
    await waitFor(() => expect(container.querySelector('.popup')?.getAttribute('data-theme')).toBe('dark'));
    expect(screen.getByText('Your rating counts.')).toBeTruthy();
    await expectNoAxeViolations(container);
  });
});
