// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OptionsPort } from '../../components/ports';
import { Options } from '../../components/options/Options';
import { createOptionsState } from '../../components/options/state';
import { ok } from '../../lib/shared/messages/result';
import { expectNoAxeViolations } from './axe';
import { fakeOptionsPort, pendingComment } from './fakes';
import { useLocale } from './locale';

beforeAll(() => useLocale('en'));
afterEach(cleanup);

async function createOptions(overrides: Partial<OptionsPort> = {}) {
  const backend = fakeOptionsPort(overrides);
  const state = createOptionsState(backend);
  state.start();
  const view = render(<Options state={state} />);
  await waitFor(() => {
    for (const s of [state.identity, state.settings, state.sites, state.outbox]) {
      expect(s.value.status).not.toBe('loading');
    }
  });
  return { backend, state, ...view };
}

describe('Options', () => {
  it('renders every section accessibly', async () => {
    const { container } = await createOptions();
    for (const name of [
      'Commenter identity',
      'Canon server',
      'Sites',
      'Sidebar and theme',
      'Waiting to be sent',
      'Your data',
    ]) {
      expect(screen.getByRole('heading', { name })).toBeTruthy();
    }
    await expectNoAxeViolations(container);
  });

  it('registers an identity after checking each field, keeping what was typed', async () => {
    const { backend, container } = await createOptions();
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Qin Han' } });
    fireEvent.input(screen.getByLabelText('E-mail address'), { target: { value: 'qin.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and send confirmation' }));
    const error = await screen.findByRole('alert');
    expect(error.textContent).toBe('This does not look like an e-mail address.');
    const email = screen.getByLabelText<HTMLInputElement>('E-mail address');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe(error.id);
    expect(email.value).toBe('qin.example.org');
    expect(backend.register).not.toHaveBeenCalled();
    await expectNoAxeViolations(container);

    fireEvent.input(email, { target: { value: 'qin@example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and send confirmation' }));
    await screen.findByText(/Check your inbox at qin@example.org/);
    expect(backend.register).toHaveBeenCalledWith('Qin Han', 'qin@example.org');
  });

  it('shows the confirmation state with resend and forget', async () => {
    const { backend } = await createOptions({
      loadIdentity: vi.fn(async () => ok({ name: 'Qin Han', email: 'qin@example.org', confirmed: false })),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send the e-mail again' }));
    await waitFor(() => expect(backend.resendConfirmation).toHaveBeenCalled());
    fireEvent.click(screen.getByRole('button', { name: 'Forget this identity' }));
    await screen.findByLabelText('Name');
    expect(backend.forgetIdentity).toHaveBeenCalled();
  });

  it('refuses a bad server address inline and keeps the saved one', async () => {
    const { backend } = await createOptions();
    const input = screen.getByLabelText<HTMLInputElement>('Server address');
    fireEvent.input(input, { target: { value: 'http://canon.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save address' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Use https; plain http works only for a server on this computer.',
    );
    expect(input.value).toBe('http://canon.example.org');
    expect(backend.requestHostPermission).not.toHaveBeenCalled();
    expect(backend.setServerAddress).not.toHaveBeenCalled();
    expect(screen.getByText('In use: http://127.0.0.1:8787')).toBeTruthy();
  });

  it('asks for the host permission before saving a server address, and saves nothing when refused', async () => {
    const requestHostPermission = vi.fn(async () => ok(false));
    const { backend } = await createOptions({ requestHostPermission });
    fireEvent.input(screen.getByLabelText('Server address'), { target: { value: 'https://canon.example.org/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save address' }));
    await screen.findByText(/did not allow access to that server/);
    expect(requestHostPermission).toHaveBeenCalledWith('https://canon.example.org/*');
    expect(backend.setServerAddress).not.toHaveBeenCalled();

    requestHostPermission.mockResolvedValueOnce(ok(true));
    fireEvent.click(screen.getByRole('button', { name: 'Save address' }));
    await screen.findByText('In use: https://canon.example.org');
    expect(backend.setServerAddress).toHaveBeenCalledWith('https://canon.example.org');
  });

  it('switches sites, and flips "any site" back when the permission is refused', async () => {
    const { backend } = await createOptions({ setAnySite: vi.fn(async () => ok(false)) });
    fireEvent.click(screen.getByLabelText('Goodreads'));
    await waitFor(() => expect(backend.setSiteEnabled).toHaveBeenCalledWith('goodreads', true));
    const anySite = screen.getByLabelText<HTMLInputElement>('On any site with a book page');
    fireEvent.click(anySite);
    await screen.findByText(/did not give the permission/);
    expect(anySite.checked).toBe(false);
  });

  it('saves sidebar side, start state, place and theme', async () => {
    const { backend, container } = await createOptions();
    fireEvent.click(screen.getByLabelText('Left'));
    fireEvent.click(screen.getByLabelText('Open'));
    fireEvent.click(screen.getByLabelText("In the browser's side panel"));
    fireEvent.click(screen.getByLabelText('Dark'));
    await waitFor(() => expect(backend.saveSettings).toHaveBeenCalledTimes(4));
    expect(vi.mocked(backend.saveSettings).mock.calls.map((c) => c[0])).toEqual([
      { sidebar: { side: 'left' } },
      { sidebar: { open: true } },
      { sidebar: { placement: 'browser' } },
      { theme: 'dark' },
    ]);
    await waitFor(() => expect(container.querySelector('.options')?.getAttribute('data-theme')).toBe('dark'));
  });

  it('lists the outbox with retry and discard', async () => {
    const { backend } = await createOptions();
    expect(screen.getByText('Failed')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Retry “Comment: How far will We-Think spread?”' })[1]!);
    await waitFor(() => expect(backend.retryWrite).toHaveBeenCalledWith('w2'));
    fireEvent.click(screen.getAllByRole('button', { name: 'Discard “Comment: How far will We-Think spread?”' })[0]!);
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Discard/ })).toHaveLength(1));
    expect(backend.discardWrite).toHaveBeenCalledWith('w1');
  });

  it('marks writes held until an identity is registered', async () => {
    await createOptions({
      loadOutbox: vi.fn(async () =>
        ok([{ ...pendingComment('w3', 'queued'), state: 'waiting-for-identity' as const }]),
      ),
    });
    expect(screen.getByText('Waiting for your name and e-mail address')).toBeTruthy();
    // Nothing a retry could do: it goes once an identity is set.
    expect(screen.queryByRole('button', { name: /^Retry/ })).toBeNull();
    expect(screen.getByRole('button', { name: /^Discard/ })).toBeTruthy();
  });

  it('names the book of every outbox entry', async () => {
    await createOptions({
      loadOutbox: vi.fn(async () =>
        ok([
          {
            ...pendingComment('w4', 'queued'),
            intent: { kind: 'rating' as const, bookId: 'book-we-think', value: 4.5 as const },
            bookTitle: 'We-Think',
          },
        ]),
      ),
    });
    const entry = screen.getByText('Rating: 4.5 stars').closest('li');
    expect(entry?.textContent).toContain('We-Think');
  });

  it('says the outbox is empty when it is', async () => {
    await createOptions({ loadOutbox: vi.fn(async () => ok([])) });
    expect(screen.getByText('Nothing is waiting; everything has been sent.')).toBeTruthy();
  });

  it("exports the reader's data as a JSON download", async () => {
    const createObjectURL = vi.fn(() => 'blob:bookside/1');
    const revokeObjectURL = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }));
    const { backend } = await createOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Export my data' }));
    await screen.findByText('Export ready.', { selector: 'p[role="status"]:not(.visually-hidden)' });
    expect(backend.exportData).toHaveBeenCalled();
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
    expect(await blob.text()).toBe('{"ratings":[]}');
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:bookside/1');
    vi.unstubAllGlobals();
  });

  it('shows why an import was refused', async () => {
    const { backend } = await createOptions();
    const input = screen.getByLabelText<HTMLInputElement>('Import from a file');
    const file = new File(['not json'], 'mine.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    expect((await screen.findByRole('alert')).textContent).toBe('That file is not a Bookside export.');
    expect(backend.importData).toHaveBeenCalledWith('not json');
  });

  it('clears the cache', async () => {
    const { backend } = await createOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the cache' }));
    await waitFor(() => expect(backend.clearCache).toHaveBeenCalled());
  });
});
