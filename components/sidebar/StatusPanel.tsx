import type { AnsweredBook } from '../ports';
import { formatNumber, t } from '../i18n';
import { canonPageUrl, type CanonSite } from '../shared/canon-site';
import { EXTERNAL_LINK_REL } from '../../lib/pages/text-links';

/** Canon status and what is known about the edition: canon data first, the page's own otherwise. */
export function StatusPanel({ view, site }: { view: AnsweredBook; site: CanonSite | null }) {
  const { answer } = view.canon;
  const ref = view.book;
  const entry = answer.inCanon ? answer.entry : null;
  const title = entry?.title ?? ref.title ?? t('status.untitled');
  const authors = entry?.authors ?? ref.authors;
  const isbns = entry?.isbn13.length ? entry.isbn13 : ref.isbn13;
  return (
    <section class="panel" aria-labelledby="status-title">
      <h2 id="status-title" class="book-title" dir="auto">
        {title}
      </h2>
      {entry?.subtitle && (
        <p class="subtitle" dir="auto">
          {entry.subtitle}
        </p>
      )}
      <p class={`canon-badge ${entry ? 'in-canon' : 'not-in-canon'}`}>
        {entry ? t('status.inCanon') : t('status.notInCanon')}
      </p>
      {entry && site && (
        <p class="canon-page">
          <a href={canonPageUrl(site, entry.id)} target="_blank" rel={EXTERNAL_LINK_REL}>
            {t('status.canonPage', [site.canonName])}
          </a>
        </p>
      )}
      <dl class="metadata">
        {authors.length > 0 && (
          <>
            <dt>{t('status.authors', authors.length)}</dt>
            <dd dir="auto">{authors.join(', ')}</dd>
          </>
        )}
        {entry?.publisher && (
          <>
            <dt>{t('status.publisher')}</dt>
            <dd dir="auto">{entry.publisher}</dd>
          </>
        )}
        {entry?.year != null && (
          <>
            <dt>{t('status.year')}</dt>
            <dd>{formatNumber(entry.year, { useGrouping: false })}</dd>
          </>
        )}
        {isbns.length > 0 && (
          <>
            <dt>{t('status.isbn')}</dt>
            <dd>{isbns.join(', ')}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
