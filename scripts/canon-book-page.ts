/**
 * None of the saved real pages is a book in the canon, so the journey tests
 * and the sidebar benchmark take the saved amazon.co.uk product page and swap
 * in the edition numbers and title of a canon book (We-Think, Profile Books
 * 2009). Everything else is the real page as saved: layout, scripts, the
 * product-details block. (Lives in scripts/ so benchmarks can use it too.)
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const SAVED_PAGE = path.resolve(import.meta.dirname, '../tests/fixtures/pages/amazon/co-uk-vegetable-perfection.html');

export const WE_THINK = {
  url: 'https://www.amazon.co.uk/We-Think-Mass-innovation-production/dp/1861978375',
  isbn13: '9781861978370',
  title: 'We-Think',
};

export async function weThinkOnAmazon(): Promise<string> {
  const page = await readFile(SAVED_PAGE, 'utf8');
  return page
    .replaceAll('978-1849757096', '978-1861978370')
    .replaceAll('9781849757096', '9781861978370')
    .replaceAll('1849757097', '1861978375')
    .replaceAll(
      'Vegetable Perfection: 100 delicious recipes for roots, bulbs, shoots and stems',
      'We-Think: Mass innovation, not mass production',
    )
    .replaceAll('Mat Follas', 'Charles Leadbeater');
}
