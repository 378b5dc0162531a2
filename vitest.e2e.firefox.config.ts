import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built add-on in real Firefox (Debian's
// firefox-esr); about 1.3 GB each, so one browser at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
