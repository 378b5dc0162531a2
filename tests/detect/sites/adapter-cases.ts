import { expect, it } from 'vitest';
import type { BookRef } from '../../../lib/shared/book-ref';
import type { SiteAdapter } from '../../../lib/detect/base/types';
import { SCHEMA_READERS } from '../../../lib/detect/signals/schema-readers';
import { syntheticPage } from './synthetic-page';

export interface FixtureCase {
  /** What the page is, for the test name. */
  name: string;
  file: string;
  url: string;
  /** The fields the adapter must report, or null for a page that is not one book. */
  expected: Partial<BookRef> | null;
}

/** One test per fixture: the adapter claims the URL, then detects exactly what is expected. */
export function itDetectsFixtures(adapter: SiteAdapter, cases: FixtureCase[]): void {
  for (const fixture of cases) {
    it(`${fixture.name} (${fixture.file})`, () => {
      const { doc, url } = syntheticPage(fixture.file, fixture.url);
      expect(adapter.test(url, doc)).toBe(true);
      const ref = adapter.detect(doc, url, SCHEMA_READERS);
      if (fixture.expected === null) expect(ref).toBeNull();
      else expect(ref).toMatchObject({ ...fixture.expected, site: adapter.id });
    });
  }
}
