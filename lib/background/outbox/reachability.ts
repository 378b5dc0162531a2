/**
 * After an outage, queued writes should not wait out their backoff (up to its
 * cap) once the canon server answers again: the browser's `online` event does
 * not always come (Chrome's worker never hears it under emulated offline, and
 * a server can be down while the network is up). So the background's fetch is
 * watched: the first answer from the canon server after a request to it
 * failed (or after the worker started) makes the writes that could not reach
 * it due at once.
 */
import type { FetchLike } from '../core/context';
import type { BooksideDb } from '../database/schema';
import { wakeUnreachable } from './store';

export interface ReachabilityDeps {
  db: BooksideDb;
  now: () => number;
  server: () => Promise<string>;
  /** Sends what became due. */
  flush: () => unknown;
}

export function wakingOnAnswer(fetch: FetchLike, deps: ReachabilityDeps): FetchLike {
  // Only after a failure is the outbox looked through: a long queue draining
  // normally costs no extra reads.
  let mayHaveUnreachable = true;
  const toServer = async (input: string) => input.startsWith(`${await deps.server()}/`);
  return async (input, init) => {
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      if (await toServer(input)) mayHaveUnreachable = true;
      throw error;
    }
    if (mayHaveUnreachable && (await toServer(input))) {
      mayHaveUnreachable = false;
      void wakeUnreachable(deps.db, deps.now())
        .then((woken) => woken > 0 && deps.flush())
        .catch(() => (mayHaveUnreachable = true));
    }
    return response;
  };
}
