/**
 * The body of `content-scripts/page-pass.js`, loaded by the generic signals'
 * metadata pass into a frame whose metadata does not name its book fully
 * (closer-look-script.ts). It only leaves the page pass for it.
 */
import { readPage } from '../detect/generic-page';
import { genericHooks, PAGE_PASS_HOOK } from './generic-hooks';

export function providePagePass(): void {
  genericHooks[PAGE_PASS_HOOK] = readPage;
}
