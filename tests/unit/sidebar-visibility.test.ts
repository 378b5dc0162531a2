/** Quiet mode's decision, for every choice and every answer the background can give. */
import { describe, expect, it } from 'vitest';
import { needsStanding, sidebarShown } from '../../lib/content/sidebar-visibility';
import { standingOf } from '../../lib/background/tabs/standing';
import type { CanonStanding } from '../../lib/shared/messages/views';
import { SHOW_ON_CHOICES, type ShowOn } from '../../lib/shared/settings/appearance';
import { layoutNow, parseShowOn } from '../../lib/shared/settings/defaults';

const ANSWERS: (CanonStanding | null)[] = ['in-canon', 'nominated', 'unknown', null];

describe('quiet mode', () => {
  it('shows the tab on every book page, in the canon’s known books, or on canon books only', () => {
    const table = Object.fromEntries(
      SHOW_ON_CHOICES.map((showOn) => [showOn, ANSWERS.filter((standing) => sidebarShown(showOn, standing))]),
    );
    expect(table).toEqual({
      'every-book': ['in-canon', 'nominated', 'unknown', null],
      known: ['in-canon', 'nominated'],
      'in-canon': ['in-canon'],
    });
  });

  it('asks the background only when the choice depends on its answer', () => {
    expect(SHOW_ON_CHOICES.filter(needsStanding)).toEqual(['known', 'in-canon']);
  });

  it('reads a stored choice defensively', () => {
    expect(parseShowOn('known')).toBe('known');
    for (const bad of [undefined, null, 'KNOWN', 3, {}]) expect(parseShowOn(bad)).toBe<ShowOn>('every-book');
  });

  it('reduces the canon’s answer to a standing: no answer at all is unknown', () => {
    const status = (answer: Parameters<typeof standingOf>[0] extends infer S ? S : never) => standingOf(answer);
    expect(status(null)).toBe('unknown');
    const base = { origin: 'server' as const, fetchedAt: 0, stale: false };
    expect(standingOf({ ...base, answer: { inCanon: false, nomination: null } })).toBe('unknown');
    expect(
      standingOf({
        ...base,
        answer: { inCanon: false, nomination: { id: 'n1' } as never },
      }),
    ).toBe('nominated');
    expect(standingOf({ ...base, answer: { inCanon: true, entry: {} as never } })).toBe('in-canon');
  });
});

describe('the sidebar open now, apart from “Sidebar at first”', () => {
  const START_COLLAPSED = { open: false, side: 'right', placement: 'page' } as const;
  it('is as the reader last left it, and as the option says until they have', () => {
    expect(layoutNow(START_COLLAPSED, null).open).toBe(false);
    expect(layoutNow(START_COLLAPSED, undefined).open).toBe(false);
    expect(layoutNow(START_COLLAPSED, true)).toEqual({ ...START_COLLAPSED, open: true });
    expect(layoutNow({ ...START_COLLAPSED, open: true }, false).open).toBe(false);
    expect(layoutNow(START_COLLAPSED, 'yes').open).toBe(false);
  });
});
