/**
 * The browser's UI language travels with the registration, so the real
 * server's confirmation mail is written in it; a language Bookside does not
 * speak is left out and the mail is English.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../lib/background/dispatch';
import { startCanonServer, type CanonServerHandle } from '../server/harness';
import { senders, startHarness, type Harness } from './support/background-harness';

describe('registering from a browser in another language', () => {
  let server: CanonServerHandle;
  const harnesses: Harness[] = [];
  beforeAll(async () => {
    server = await startCanonServer();
  });
  afterAll(async () => {
    for (const h of harnesses) h.ctx.db.close();
    await server.stop();
  });

  async function register(uiLanguage: string, email: string, language?: string) {
    const h = await startHarness((input, init) => fetch(input, init), undefined, uiLanguage);
    harnesses.push(h);
    h.granted.add(`${new URL(server.url).origin}/*`);
    expect((await dispatch(h.ctx, 'setServerAddress', { url: server.url }, senders.options)).ok).toBe(true);
    const body = language === undefined ? { name: 'Hana', email } : { name: 'Hana', email, language };
    const reply = await dispatch(h.ctx, 'registerIdentity', body, senders.options);
    expect(reply.ok).toBe(true);
    return server.nextMail(email);
  }

  it('sends the UI language, so a Japanese browser gets a Japanese mail', async () => {
    const mail = await register('ja-JP', 'hana.ja@example.org');
    expect(mail.subject).toBe('本のカノンで使うお名前の確認');
    expect(mail.text).toContain('Hana 様');
  });

  it('leaves out a language the server cannot write in: the mail is English', async () => {
    const mail = await register('pt-BR', 'hana.pt@example.org');
    expect(mail.subject).toBe('Confirm your name for the book canon');
  });

  it('takes a language the page names over the browser’s', async () => {
    const mail = await register('ja', 'hana.de@example.org', 'de');
    expect(mail.text).toContain('Hallo Hana,');
  });
});
