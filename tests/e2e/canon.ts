import type { Config } from '../../server/config';
import { startCanonServer, type CanonServerHandle } from '../server/harness';

/**
 * The end-to-end build talks to the canon server here (`npm run test:e2e`
 * builds with WXT_CANON_URL set to it), a port of its own so a developer's
 * `npm start` on 8787 can keep running beside the suite. E2E_CANON_URL
 * overrides it (with a build made for that address).
 */
export const E2E_CANON_URL = process.env.E2E_CANON_URL ?? 'http://127.0.0.1:18787';

/** The real canon server (fresh SQLite database, real SMTP receiver) where the e2e build expects it. */
export function startE2eCanonServer(config: Partial<Config> = {}): Promise<CanonServerHandle> {
  return startCanonServer({
    config: { port: Number(new URL(E2E_CANON_URL).port), publicUrl: E2E_CANON_URL, ...config },
  });
}
