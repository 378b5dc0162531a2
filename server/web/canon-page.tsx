/** @jsxImportSource hono/jsx */
/** The canon's front page: its name, its description, every book with its rating and comment count. */
import type { CanonEntry } from '../../lib/shared/api';
import type { RecentComment } from './data';
import { formatAverage, formatCommentTime, formatPublished, paragraphs } from './format';
import { WORDS, type Locale } from './i18n';

export function CanonPage(props: {
  name: string;
  description: string;
  entries: CanonEntry[];
  recent: RecentComment[];
  locale: Locale;
}) {
  const { locale } = props;
  const words = WORDS[locale];
  return (
    <>
      <h1>{props.name}</h1>
      {paragraphs(props.description).map((p) => (
        <p>{p}</p>
      ))}
      <h2>{words.books}</h2>
      <ul class="books">
        {props.entries.map((entry) => (
          <li>
            <a class="title" href={`/books/${encodeURIComponent(entry.id)}`}>
              {entry.title}
            </a>
            {entry.subtitle === null ? null : <span>: {entry.subtitle}</span>}
            <br />
            <span class="muted">
              {[
                entry.authors.join(', '),
                entry.published === null ? null : formatPublished(entry.published, locale),
                entry.rating.average === null
                  ? words.unrated
                  : words.ratingShort(formatAverage(entry.rating.average, locale), entry.rating.count),
                words.commentCount(entry.commentCount),
              ]
                .filter((part) => part !== null && part !== '')
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      <p>
        <a href="/nominations">{words.nominations}</a>: {words.nominateIntro}
      </p>
      {props.recent.length === 0 ? null : (
        <>
          <h2>{words.recentComments}</h2>
          <ul class="plain recent">
            {props.recent.map((comment) => (
              <li>
                <a href={`/books/${encodeURIComponent(comment.bookId)}#comment-${comment.id}`}>
                  {comment.authorName} {words.onBook(comment.bookTitle)}
                </a>{' '}
                <span class="muted">
                  <time datetime={new Date(comment.createdAt).toISOString()}>
                    {formatCommentTime(comment.createdAt, locale)}
                  </time>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
