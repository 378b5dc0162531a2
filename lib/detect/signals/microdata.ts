import { cleanText, textOf } from '../text';
import { emptyReading, formatFromWord, type SignalReading } from './reading';

const BOOK_SCOPE = '[itemscope][itemtype*="schema.org/Book" i]';

function propValue(el: Element): string {
  return cleanText(el.getAttribute('content') ?? el.getAttribute('value') ?? el.textContent);
}

/** Properties of this scope only, not of scopes nested inside it. */
function ownProps(scope: Element, name: string): Element[] {
  return [...scope.querySelectorAll(`[itemprop~="${name}"]`)].filter(
    (el) => el.parentElement?.closest('[itemscope]') === scope,
  );
}

/** schema.org `Book` in microdata (`itemprop=isbn`); two or more top-level book scopes mean a list. */
export function readMicrodataBook(doc: ParentNode): SignalReading {
  const reading = emptyReading('microdata');
  const scopes = [...doc.querySelectorAll(BOOK_SCOPE)].filter((scope) => !scope.parentElement?.closest(BOOK_SCOPE));
  if (scopes.length > 1) return { ...reading, isList: true };
  const scope = scopes[0];
  if (!scope) {
    // Pages that mark up only `itemprop=isbn` without a Book scope.
    const loose = [...doc.querySelectorAll('[itemprop="isbn"]')].map(propValue).filter(Boolean);
    return { ...reading, isbns: loose };
  }
  const authors = ownProps(scope, 'author').map((el) => {
    const name = el.querySelector('[itemprop~="name"]');
    return name ? propValue(name) : propValue(el);
  });
  const format = ownProps(scope, 'bookFormat').map((el) => formatFromWord(el.getAttribute('href') ?? propValue(el)))[0];
  return {
    ...reading,
    isBook: true,
    isbns: ownProps(scope, 'isbn').map(propValue).filter(Boolean),
    title: ownProps(scope, 'name').map((el) => textOf(el) || propValue(el))[0],
    authors,
    ...(format ? { format } : {}),
  };
}
