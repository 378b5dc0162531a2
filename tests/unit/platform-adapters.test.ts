// @vitest-environment happy-dom
/**
 * The any-site script's platforms: carried as their tests alone, loaded into
 * the frame only when one test accepts the page, then read as one adapter
 * list. The load here installs the real adapters, as the injected
 * `platforms.js` does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { installPlatformAdapters, PLATFORMS_HOOK, platformAdaptersFor } from '../../lib/content/platform-adapters';
import { evergreen, evergreenTest } from '../../lib/detect/sites/evergreen';
import { koha, kohaTest } from '../../lib/detect/sites/koha';

const scope = globalThis as { [PLATFORMS_HOOK]?: unknown };

describe('the any-site script’s platform adapters', () => {
  afterEach(() => delete scope[PLATFORMS_HOOK]);

  it('loads nothing where no platform’s test accepts the page', async () => {
    let loads = 0;
    const adaptersFor = platformAdaptersFor([kohaTest, evergreenTest], async () => {
      loads += 1;
      installPlatformAdapters([koha, evergreen]);
    });
    expect(await adaptersFor(document, new URL('https://news.example/articles/1'))).toEqual([]);
    expect(loads).toBe(0);
  });

  it('loads the adapters once, where a platform’s test says catalogue record', async () => {
    let loads = 0;
    const adaptersFor = platformAdaptersFor([kohaTest, evergreenTest], async () => {
      loads += 1;
      installPlatformAdapters([koha, evergreen]);
    });
    const record = new URL('https://catalogue.library.example/cgi-bin/koha/opac-detail.pl?biblionumber=1');
    expect(await adaptersFor(document, record)).toEqual([koha, evergreen]);
    expect(await adaptersFor(document, new URL('https://catalogue.library.example/eg/opac/record/2'))).toEqual([
      koha,
      evergreen,
    ]);
    expect(loads).toBe(1);
  });

  it('leaves the page to the generic signals when the adapters cannot be loaded', async () => {
    const adaptersFor = platformAdaptersFor([kohaTest], () => Promise.reject(new Error('refused')));
    expect(await adaptersFor(document, new URL('https://x.example/cgi-bin/koha/opac-detail.pl'))).toEqual([]);
  });
});
