/** @jsxImportSource hono/jsx */
/**
 * A canon book's page, in the seed page's order: title, subtitle, author,
 * publication date, publisher, description, rating, comments, chapters; then
 * tags, review links and where else the book is. Every text is the
 * renderer's escaped text; nothing here writes raw HTML.
 */
import type { CanonEntry } from '../../lib/shared/api';
import { alsoOnLinks, safeHref } from './also-on';
import type { PageComment } from './data';
import { formatAverage, formatCommentTime, formatPublished, paragraphs } from './format';
import { WORDS, type Locale } from './i18n';

export const commentAnchor = (commentId: string) => `comment-${commentId}`;

function Paragraphs(props: { text: string }) {
  return (
    <>
      {paragraphs(props.text).map((p) => (
        <p>{p}</p>
      ))}
    </>
  );
}

function CommentItem(props: { comment: PageComment; locale: Locale }) {
  const { comment, locale } = props;
  const words = WORDS[locale];
  const time = new Date(comment.createdAt).toISOString();
  return (
    <li id={commentAnchor(comment.id)}>
      <p>
        <span class="who">{comment.authorName}</span> {words.on}{' '}
        <a class="when" href={`#${commentAnchor(comment.id)}`}>
          <time datetime={time}>{formatCommentTime(comment.createdAt, locale)}</time>
        </a>
        {comment.imported ? <span class="muted"> · {words.imported}</span> : null}
      </p>
      {comment.spoiler ? (
        <details class="spoiler">
          <summary>{words.spoiler}</summary>
          <Paragraphs text={comment.body} />
        </details>
      ) : (
        <Paragraphs text={comment.body} />
      )}
    </li>
  );
}

export function BookPage(props: { entry: CanonEntry; comments: PageComment[]; locale: Locale }) {
  const { entry, comments, locale } = props;
  const words = WORDS[locale];
  const { rating } = entry;
  const tags = entry.tags.filter((t) => t.count > 0);
  return (
    <article>
      <h1>{entry.title}</h1>
      {entry.subtitle === null ? null : <p class="subtitle">{entry.subtitle}</p>}
      {entry.authors.length === 0 ? null : (
        <p class="byline">
          {words.by} {entry.authors.join(', ')}
        </p>
      )}
      <dl class="facts">
        {entry.published === null ? null : (
          <>
            <dt>{words.published}</dt>
            <dd>
              <time datetime={entry.published}>{formatPublished(entry.published, locale)}</time>
            </dd>
          </>
        )}
        {entry.publisher === null ? null : (
          <>
            <dt>{words.publisher}</dt>
            <dd>{entry.publisher}</dd>
          </>
        )}
        {entry.isbn13.length === 0 ? null : (
          <>
            <dt>ISBN</dt>
            <dd>{entry.isbn13.join(', ')}</dd>
          </>
        )}
      </dl>
      {entry.description === null ? null : (
        <section class="description">
          <Paragraphs text={entry.description} />
        </section>
      )}

      <section aria-labelledby="rating">
        <h2 id="rating">{words.rateThisBook}</h2>
        <p>
          {rating.average === null
            ? words.noRatings
            : words.ratingSummary(formatAverage(rating.average, locale), rating.count)}
          {rating.provisional > 0 ? ` ${words.provisionalRatings(rating.provisional)}` : ''}
        </p>
        <p class="muted">{words.rateHow}</p>
      </section>

      <section aria-labelledby="comments">
        <h2 id="comments">{words.comments(comments.length)}</h2>
        <ol class="comments">
          {comments.map((comment) => (
            <CommentItem comment={comment} locale={locale} />
          ))}
        </ol>
      </section>

      {entry.chapters.length === 0 ? null : (
        <section aria-labelledby="chapters">
          <h2 id="chapters">{words.chapters}</h2>
          <ol class="chapters">
            {entry.chapters.map((chapter) => (
              <li>{chapter.title}</li>
            ))}
          </ol>
        </section>
      )}

      {tags.length === 0 ? null : (
        <section aria-labelledby="tags">
          <h2 id="tags">{words.tags}</h2>
          <ul class="tags">
            {tags.map((tag) => (
              <li>
                {tag.tag} <span class="muted">({tag.count})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {entry.links.length === 0 ? null : (
        <section aria-labelledby="reviews">
          <h2 id="reviews">{words.reviews}</h2>
          <ul class="plain">
            {entry.links.map((link) => {
              const href = safeHref(link.url);
              return (
                <li>
                  {href === null ? (
                    link.title
                  ) : (
                    <a href={href} rel={link.source === 'reader' ? 'nofollow ugc noopener' : 'noopener'}>
                      {link.title}
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <AlsoOnList entry={entry} locale={locale} />
    </article>
  );
}

function AlsoOnList(props: { entry: CanonEntry; locale: Locale }) {
  const words = WORDS[props.locale];
  const links = alsoOnLinks(props.entry.isbn13, props.entry.isbn10);
  if (links.length === 0) return null;
  return (
    <p class="also">
      {words.alsoOn}:{' '}
      {links.map((link, i) => (
        <>
          {i > 0 ? ' · ' : ''}
          <a href={link.url} rel="noopener">
            {link.label === 'WorldCat' ? words.yourLibrary : link.label}
          </a>
        </>
      ))}
    </p>
  );
}
