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
import { FormNotice, InboxHint, WhoFields, type Viewer } from './who-fields';

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

/** The comment's permalink (visible, so it can be copied) and its report form, folded until asked for. */
function CommentTools(props: { comment: PageComment; bookId: string; locale: Locale; participation: Participation }) {
  const { comment, bookId, locale, participation } = props;
  const words = WORDS[locale];
  const prefix = `flag-${comment.id}`;
  return (
    <div class="tools">
      <a class="permalink" href={`#${commentAnchor(comment.id)}`} aria-label={words.permalinkLabel(comment.authorName)}>
        {words.permalink}
      </a>
      {comment.waiting ? null : (
        <details class="flag">
          <summary aria-label={words.flagLabel(comment.authorName)}>{words.flag}</summary>
          <form method="post" action={`/books/${encodeURIComponent(bookId)}/flags`}>
            <input type="hidden" name="csrf" value={participation.csrf} />
            <input type="hidden" name="comment" value={comment.id} />
            <fieldset>
              <legend>{words.flagReason}</legend>
              {Object.entries(words.flagReasons).map(([reason, label]) => (
                <p>
                  <input id={`${prefix}-${reason}`} type="radio" name="reason" value={reason} required />{' '}
                  <label for={`${prefix}-${reason}`} class="inline">
                    {label}
                  </label>
                </p>
              ))}
            </fieldset>
            <WhoFields viewer={participation.viewer} idPrefix={prefix} locale={locale} />
            <p>
              <button type="submit">{words.flagSubmit}</button>
            </p>
          </form>
        </details>
      )}
    </div>
  );
}

function CommentItem(props: { comment: PageComment; bookId: string; locale: Locale; participation: Participation }) {
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
      {comment.waiting ? <p class="notice">{words.waitingNote}</p> : null}
      {comment.spoiler ? (
        <details class="spoiler">
          <summary>{words.spoiler}</summary>
          <Paragraphs text={comment.body} />
        </details>
      ) : (
        <Paragraphs text={comment.body} />
      )}
      <CommentTools {...props} />
    </li>
  );
}

/** What the book page knows about the browser looking at it. */
export type Participation = {
  csrf: string;
  /** "Does this book belong in the …?" */
  canonName: string;
  viewer: Viewer;
  /** After a post: `sent`, or the problem's key in WORDS.problems. */
  notice: string | null;
  /** After a report: `flagged`, or the problem's key in WORDS.problems. */
  flagNotice: string | null;
};

const RATING_CHOICES = ['5', '4.5', '4', '3.5', '3', '2.5', '2', '1.5', '1', '0.5'];

function ParticipateForm(props: { entry: CanonEntry; locale: Locale; participation: Participation }) {
  const { entry, locale, participation } = props;
  const words = WORDS[locale];
  const { viewer, notice } = participation;
  const problem = notice === null || notice === 'sent' ? null : (words.problems[notice] ?? null);
  return (
    <section aria-labelledby="participate">
      <h2 id="participate">
        {entry.title}
        {entry.authors.length === 0 ? '' : ` · ${words.by} ${entry.authors.join(', ')}`}
      </h2>
      <FormNotice
        text={notice === 'sent' ? (viewer?.confirmed === true ? words.sentConfirmed : words.sent) : null}
        problem={problem}
      />
      <p>{words.share(participation.canonName)}</p>
      <form method="post" action={`/books/${encodeURIComponent(entry.id)}`}>
        <input type="hidden" name="csrf" value={participation.csrf} />
        <WhoFields viewer={viewer} idPrefix="f" locale={locale} />
        <p>
          <label for="f-rating">{words.yourRating}</label>
          <select id="f-rating" name="rating">
            <option value="">{words.noRating}</option>
            {RATING_CHOICES.map((value) => (
              <option value={value}>{words.stars(value)}</option>
            ))}
          </select>
        </p>
        <p>
          <label for="f-body">{words.yourComment}</label>
          <textarea id="f-body" name="body" rows={6} maxlength={5000} />
        </p>
        <p>
          <input id="f-spoiler" name="spoiler" type="checkbox" />{' '}
          <label for="f-spoiler" class="inline">
            {words.spoilerBox}
          </label>
        </p>
        <InboxHint viewer={viewer} locale={locale} />
        <p>
          <button type="submit">{words.submit}</button>
        </p>
      </form>
    </section>
  );
}

export function BookPage(props: {
  entry: CanonEntry;
  comments: PageComment[];
  locale: Locale;
  participation: Participation;
}) {
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
        <p>
          <a href="#participate">{words.yourRating}</a>
        </p>
      </section>

      <section aria-labelledby="comments">
        <h2 id="comments">{words.comments(comments.filter((c) => !c.waiting).length)}</h2>
        <FlagNotice locale={locale} participation={props.participation} />
        <ol class="comments">
          {comments.map((comment) => (
            <CommentItem comment={comment} bookId={entry.id} locale={locale} participation={props.participation} />
          ))}
        </ol>
      </section>

      <ParticipateForm entry={entry} locale={locale} participation={props.participation} />

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

function FlagNotice(props: { locale: Locale; participation: Participation }) {
  const words = WORDS[props.locale];
  const { flagNotice, viewer } = props.participation;
  if (flagNotice === null) return null;
  if (flagNotice === 'flagged') {
    return <FormNotice text={viewer?.confirmed === true ? words.flagged : words.flaggedProvisional} problem={null} />;
  }
  return <FormNotice text={null} problem={words.problems[flagNotice] ?? null} />;
}
