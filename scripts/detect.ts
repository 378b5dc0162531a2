/**
 * Detect the book on a saved page, for whoever adds or fixes a site adapter:
 *   npm run detect -- <saved-page.html> --url <page-url>
 * Prints the BookRef as JSON (or `null`) and exits 0. The page is decoded by
 * its declared charset.
 */
import { parseArgs } from 'node:util';
import { detectBook } from '../lib/detect';
import { UNKNOWN_URL } from './fixture-manifest';
import { parsePage, readSavedPage } from './saved-page';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { url: { type: 'string' } } });
const file = positionals[0];
if (!file) {
  console.error('usage: npm run detect -- <saved-page.html> --url <page-url>');
  process.exit(2);
}
const url = values.url ?? UNKNOWN_URL;
const page = parsePage(readSavedPage(file), url);
console.log(JSON.stringify(detectBook(page.document, url), null, 2));
await page.close();
