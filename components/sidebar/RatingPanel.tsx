import type { RatingSummary } from '../../lib/shared/api/responses';
import { distributionBars } from '../../lib/pages/half-stars';
import { formatNumber, formatRating, t } from '../i18n';
import type { AnsweredBook } from '../ports';
import { MyRating } from '../shared/MyRating';
import type { SidebarState } from './state';

interface RatingPanelProps {
  state: SidebarState;
  view: AnsweredBook;
  rating: RatingSummary;
}

/**
 * The reader's own rating (the popup's control), then the confirmed average,
 * the half-star distribution, and how many ratings still wait for confirmation.
 */
export function RatingPanel({ state, view, rating }: RatingPanelProps) {
  return (
    <section class="panel" aria-labelledby="rating-title">
      <h2 id="rating-title">{t('rating.title')}</h2>
      <MyRating
        book={view}
        id="sidebar-rating"
        available={state.mine.value.status !== 'offline'}
        onRate={state.rate}
        onRemove={state.removeRating}
        onSetIdentity={state.askForIdentity}
      />
      {rating.average === null ? (
        <p class="muted">{t('rating.noneYet')}</p>
      ) : (
        <p class="rating-average">
          {t('rating.average', rating.count, [formatRating(rating.average), formatNumber(rating.count)])}
        </p>
      )}
      {rating.count > 0 && (
        <table class="distribution">
          <caption class="visually-hidden">{t('rating.distribution')}</caption>
          <thead class="visually-hidden">
            <tr>
              <th scope="col">{t('rating.stars')}</th>
              <th scope="col">{t('rating.share')}</th>
              <th scope="col">{t('rating.count')}</th>
            </tr>
          </thead>
          <tbody>
            {distributionBars(rating.distribution).map((bar) => (
              <tr key={bar.value}>
                <th scope="row">{formatRating(bar.value)}</th>
                <td class="bar-cell">
                  <span class="bar" style={{ inlineSize: `${Math.round(bar.share * 100)}%` }} />
                </td>
                <td class="count">{formatNumber(bar.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rating.provisional > 0 && (
        <p class="muted">{t('rating.provisional', rating.provisional, [formatNumber(rating.provisional)])}</p>
      )}
    </section>
  );
}
