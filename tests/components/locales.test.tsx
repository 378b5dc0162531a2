// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RatingPanel } from '../../components/sidebar/RatingPanel';
import { expectNoAxeViolations } from './axe';
import { createSidebarState } from '../../components/sidebar/state';
import type { AnsweredBook } from '../../components/ports';
import { fakeSidebarPort, inCanonView, weThinkEntry } from './fakes';
import { loadMessages, useLocale } from './locale';

afterEach(cleanup);
afterAll(() => useLocale('en'));

function placeholders(message: string): string[] {
  return [...new Set(message.match(/\$[1-9]/gu) ?? [])].sort();
}

describe('locales', () => {
  it('German has every English message, with the same substitutions and plural forms', async () => {
    const en = await loadMessages('en');
    const de = await loadMessages('de');
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(en)) {
      const german = de[key]!.message;
      expect(german.trim(), key).not.toBe('');
      expect(placeholders(german), key).toEqual(placeholders(message));
      expect(german.split(' | ').length, key).toBe(message.split(' | ').length);
    }
  });

  it('renders German text and numbers in German', async () => {
    await useLocale('de');
    const { container } = render(
      <main>
        <RatingPanel
          state={createSidebarState(fakeSidebarPort())}
          view={inCanonView() as AnsweredBook}
          rating={weThinkEntry().rating}
        />
      </main>,
    );
    await waitFor(() => expect(screen.getByText('3,5 von 5 Sternen aus 4 bestätigten Bewertungen')).toBeTruthy());
    expect(screen.getByText('2 weitere Bewertungen warten auf die Bestätigung ihrer Personen.')).toBeTruthy();
    await expectNoAxeViolations(container);
  });
});
