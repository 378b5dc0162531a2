/**
 * The commenter identity as an extension page shows it. While it is not
 * confirmed yet the server is asked again each time a page loads it (the
 * reader may just have followed the e-mailed link); a confirmed identity is
 * answered from the background's record without a request.
 */
import type { Result } from '../shared/messages/result';
import type { IdentityView } from '../shared/messages/views';
import { callBackground } from './channel';

/** What pages show of the identity; the e-mail address never leaves extension pages. */
export type ReaderIdentity = Pick<IdentityView, 'name' | 'email' | 'confirmed'>;

/** The identity, or null while there is none (or the server no longer knows this one). */
export async function loadReaderIdentity(): Promise<Result<ReaderIdentity | null>> {
  let reply = await callBackground('getIdentity');
  if (reply.ok && reply.value !== null && !reply.value.confirmed) {
    reply = await callBackground('getIdentity', { recheck: true });
  }
  if (!reply.ok) return reply;
  const view = reply.value;
  return { ok: true, value: view === null || view.rejected ? null : readerIdentity(view) };
}

export function readerIdentity({ name, email, confirmed }: IdentityView): ReaderIdentity {
  return { name, email, confirmed };
}

/** Registers name and e-mail address with the canon server (the options page and the comment form alike). */
export async function registerReaderIdentity(name: string, email: string): Promise<Result<ReaderIdentity>> {
  const reply = await callBackground('registerIdentity', { name, email });
  return reply.ok ? { ok: true, value: readerIdentity(reply.value) } : reply;
}
