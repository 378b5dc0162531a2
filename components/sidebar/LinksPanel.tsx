import { useState } from 'preact/hooks';
import { LIMITS } from '../../lib/shared/api/limits';
import type { ReviewLink } from '../../lib/shared/api/responses';
import { t } from '../i18n';
import { ExternalLink } from '../shared/LinkedText';
import { outcomeText } from '../shared/outcome';
import type { SidebarState } from './state';

/** Links to reviews elsewhere, and a form to add one. */
export function LinksPanel({ state, links }: { state: SidebarState; links: ReviewLink[] }) {
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState('');
  const [added, setAdded] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const outcome = await state.addLink(url, title);
    setError(outcomeText(outcome));
    setAdded(outcome.ok);
    if (outcome.ok) {
      setUrl('');
      setTitle('');
    }
  }

  return (
    <section class="panel" aria-labelledby="links-title">
      <h2 id="links-title">{t('links.title')}</h2>
      {links.length === 0 ? (
        <p class="muted">{t('links.none')}</p>
      ) : (
        <ul class="links">
          {links.map((link) => (
            <li key={link.id} dir="auto">
              <ExternalLink url={link.url} label={link.title || link.url} />
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('links.add')}</summary>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <label for="link-url">{t('links.url')}</label>
          <input
            id="link-url"
            type="url"
            maxLength={LIMITS.urlMax}
            value={url}
            aria-invalid={error !== ''}
            aria-describedby={error ? 'link-error' : undefined}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
          <label for="link-title">{t('links.linkTitle')}</label>
          <input
            id="link-title"
            type="text"
            maxLength={LIMITS.linkTitleMax}
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
          {error && (
            <p id="link-error" class="field-error" role="alert">
              {error}
            </p>
          )}
          {added && <p role="status">{state.linkAddedText()}</p>}
          <button type="submit">{t('links.submit')}</button>
        </form>
      </details>
    </section>
  );
}
