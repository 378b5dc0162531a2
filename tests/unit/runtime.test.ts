import { describe, expect, it } from 'vitest';

describe('runtime', () => {
  it('runs the tests on the pinned Node (24 on Linux x64, ≥ 22 elsewhere)', () => {
    // Printed so a CI log shows which Node ran the suite.
    console.log(`tests run on Node ${process.version}`);
    const major = Number(process.versions.node.split('.')[0]);
    expect(major).toBeGreaterThanOrEqual(22);
    if (process.platform === 'linux' && process.arch === 'x64') expect(major).toBe(24);
  });
});
