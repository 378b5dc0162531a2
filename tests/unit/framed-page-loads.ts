import { vi } from 'vitest';

/**
 * happy-dom loads no framed pages, and writes an error with its stack
 * straight to stderr for every iframe given a `src` (past the console that
 * tests can spy on). The sidebar frame always has one, so those writes are
 * dropped; everything else still reaches stderr. Test files that show saved
 * pages also set `handleDisabledFileLoadingAsSuccess`, which quiets the same
 * error for the pages' own scripts and stylesheets.
 */
export function quietFramedPageLoads(): void {
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, 'write').mockImplementation(
    ((chunk: string, ...rest: []) =>
      String(chunk).includes('Iframe page loading is disabled') ||
      write(chunk, ...rest)) as typeof process.stderr.write,
  );
}
