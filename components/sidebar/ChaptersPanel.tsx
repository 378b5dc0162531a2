import type { ChapterList, ChapterSource } from '../../lib/shared/messages/views';
import { t } from '../i18n';

const SOURCE_TEXT: Record<ChapterSource, () => string> = {
  canon: () => t('chapters.fromCanon'),
  page: () => t('chapters.fromPage'),
  openlibrary: () => t('chapters.fromOpenLibrary'),
};

/** The contents list with levels and page numbers, and where it came from. */
export function ChaptersPanel({ list }: { list: ChapterList | null }) {
  return (
    <section class="panel" aria-labelledby="chapters-title">
      <h2 id="chapters-title">{t('chapters.title')}</h2>
      {list === null || list.chapters.length === 0 ? (
        <p class="muted">{t('chapters.none')}</p>
      ) : (
        <>
          <p class="muted source">{SOURCE_TEXT[list.source]()}</p>
          <ol class="chapters">
            {list.chapters.map((chapter, i) => (
              <li key={i} class={`level-${Math.min(chapter.level, 4)}`}>
                {chapter.label && (
                  <span class="chapter-label" dir="auto">
                    {chapter.label}{' '}
                  </span>
                )}
                <span dir="auto">{chapter.title}</span>
                {chapter.page && <span class="chapter-page">{t('chapters.page', [chapter.page])}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
