/**
 * The commenter identity as an extension page shows it. While it is not
 * confirmed yet the server is asked again each time a page loads it (the
 * reader may just have followed the e-mailed link); a confirmed identity is
 * answered from the background's record without a request.
 */
import { callBackground } from './channel';
import type { Result } from '../shared/messages/result';
import type { IdentityView } from '../shared/messages/views';

export async function loadIdentityForPage(): Promise<Result<IdentityView | null>> {
  const reply = await callBackground('getIdentity');
  if (reply.ok && reply.value !== null && !reply.value.confirmed) {
    return callBackground('getIdentity', { recheck: true });
  }
  return reply;
}
