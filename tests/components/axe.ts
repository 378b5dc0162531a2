import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe-core over rendered DOM and fails with the violations listed.
 * `color-contrast` is off because happy-dom computes no layout or cascaded
 * colours; contrast is checked by the theme's palette choice instead.
 */
export async function expectNoAxeViolations(root: Element): Promise<void> {
  const results = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  const found = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
  );
  expect(found, found.join('\n')).toEqual([]);
}
