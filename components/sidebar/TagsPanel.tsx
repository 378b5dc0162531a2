import type { TagCount } from '../../lib/shared/api/responses';
import { formatNumber, t } from '../i18n';
import { TagEditor } from '../shared/TagEditor';
import { readyValue } from '../shared/load';
import type { SidebarState } from './state';

/** The book's tags with their counts (provisional ones marked), and the reader's own tags. */
export function TagsPanel({ state, tags }: { state: SidebarState; tags: TagCount[] }) {
  const mine = readyValue(state.mine.value);
  return (
    <section class="panel" aria-labelledby="tags-title">
      <h2 id="tags-title">{t('tags.title')}</h2>
      {tags.length === 0 ? (
        <p class="muted">{t('tags.none')}</p>
      ) : (
        <ul class="chips">
          {tags.map((tag) => (
            <li key={tag.tag} class={`chip ${tag.provisional ? 'provisional' : ''}`}>
              <span dir="auto">{tag.tag}</span>{' '}
              <span class="count">{formatNumber(tag.count + tag.provisionalCount)}</span>
              {tag.provisional && <span class="visually-hidden"> {t('tags.provisional')}</span>}
              {tag.provisional && <span aria-hidden="true"> *</span>}
            </li>
          ))}
        </ul>
      )}
      {tags.some((tag) => tag.provisional) && <p class="muted">{t('tags.provisionalNote')}</p>}
      {(state.mine.value.status === 'offline' || state.mine.value.status === 'error') && (
        <p class="muted">{t('tags.mineUnavailable')}</p>
      )}
      {state.mine.value.status === 'ready' && (
        <TagEditor
          id="sidebar-tags"
          tags={mine?.tags ?? []}
          suggestions={tags.map((tag) => tag.tag)}
          onAdd={state.addMyTag}
          onRemove={state.removeMyTag}
        />
      )}
    </section>
  );
}
