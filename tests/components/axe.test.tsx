// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';

afterEach(cleanup);

// The accessibility check every component test ends with must be able to fail.
it('reports an unlabelled control', async () => {
  const { container } = render(
    <main>
      <input type="text" />
    </main>,
  );
  await expect(expectNoAxeViolations(container)).rejects.toThrow(/label/);
});
