import type { ComponentChildren } from 'preact';
import { t } from '../i18n';
import type { Load } from './load';

interface PanelFrameProps<T> {
  /** Unique in the page; the heading's id is derived from it. */
  id: string;
  title: string;
  load: Load<T>;
  /** Shown instead of the content when `isEmpty` says there is nothing to show. */
  emptyText?: string;
  isEmpty?: (value: T) => boolean;
  onRetry?: () => void;
  children: (value: T) => ComponentChildren;
}

/** One sidebar panel: a labelled section with its loading, empty, offline and error states. */
export function PanelFrame<T>({ id, title, load, emptyText, isEmpty, onRetry, children }: PanelFrameProps<T>) {
  const headingId = `${id}-title`;
  return (
    <section class="panel" id={id} aria-labelledby={headingId} aria-busy={load.status === 'loading'}>
      <h2 id={headingId}>{title}</h2>
      {load.status === 'loading' && <p class="muted">{t('state.loading')}</p>}
      {load.status === 'offline' && <Problem text={t('state.offline')} onRetry={onRetry} />}
      {load.status === 'error' && <Problem text={t('state.error', [load.message])} onRetry={onRetry} />}
      {load.status === 'ready' && (isEmpty?.(load.value) ? <p class="muted">{emptyText}</p> : children(load.value))}
    </section>
  );
}

function Problem({ text, onRetry }: { text: string; onRetry: (() => void) | undefined }) {
  return (
    <div class="problem">
      <p>{text}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}
