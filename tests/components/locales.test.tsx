// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, formatRating, pluralForm, setUiLanguage, t } from '../../components/i18n';
import { RatingPanel } from '../../components/sidebar/RatingPanel';
import { LANGUAGES } from '../../lib/shared/api/languages';
import { expectNoAxeViolations } from './axe';
import { createSidebarState } from '../../components/sidebar/state';
import type { AnsweredBook } from '../../components/ports';
import { fakeSidebarPort, inCanonView, weThinkEntry } from './fakes';
import { loadMessages, useLocale } from './locale';

afterEach(cleanup);
afterAll(() => useLocale('en'));

/** Chrome's substitutions ($1 … $9) a message uses, over all its plural forms. */
function placeholders(message: string): string[] {
  return [...new Set(message.match(/\$[1-9]/gu) ?? [])].sort();
}

// Words that really are the same as the English ones in that language; any
// other message equal to its English one is an untranslated fallback.
const SAME_AS_ENGLISH: Record<string, string[]> = {
  de: ['status_isbn', 'comments_flagSpam', 'identity_name', 'sidebar_brand', 'popup_title'],
  fr: [
    'status_isbn',
    'chapters_page',
    'comments_flagSpam',
    'sidebar_brand',
    'popup_title',
    'popup_options',
    'sites_title',
  ],
  es: ['status_isbn', 'tags_provisional', 'comments_flagSpam', 'sidebar_brand', 'popup_title'],
  it: ['status_isbn', 'chapters_page', 'comments_flagSpam', 'sidebar_brand', 'popup_title'],
  nl: [
    'status_isbn',
    'tags_title',
    'chapters_page',
    'comments_flagSpam',
    'outbox_summary_tags',
    'sidebar_brand',
    'popup_title',
    'appearance_startOpen',
  ],
  ja: ['status_isbn', 'sidebar_brand', 'popup_title'],
};

const OTHER_LANGUAGES = LANGUAGES.filter((language) => language !== 'en');

describe('locales', () => {
  it('has one locale file for each supported language and none more', () => {
    const files = readdirSync(resolve(import.meta.dirname, '../../locales'))
      .map((file) => file.replace(/\.yml$/u, ''))
      .sort();
    expect(files).toEqual([...LANGUAGES].sort());
  });

  it.each(OTHER_LANGUAGES)(
    '%s has every English message and no other, with the same substitutions and plural forms',
    async (language) => {
      const en = await loadMessages('en');
      const messages = await loadMessages(language);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const [key, { message }] of Object.entries(en)) {
        const translated = messages[key]!.message;
        expect(translated.trim(), key).not.toBe('');
        expect(placeholders(translated), key).toEqual(placeholders(message));
        expect(translated.split(' | ').length, key).toBe(message.split(' | ').length);
        for (const form of translated.split(' | ')) expect(form.trim(), key).not.toBe('');
      }
    },
  );

  it.each(OTHER_LANGUAGES)(
    '%s translates every message that is not the same word in both languages',
    async (language) => {
      const en = await loadMessages('en');
      const messages = await loadMessages(language);
      const untranslated = Object.keys(en).filter((key) => messages[key]!.message === en[key]!.message);
      expect(untranslated.sort()).toEqual([...(SAME_AS_ENGLISH[language] ?? [])].sort());
    },
  );

  it('French sets its punctuation apart with no-break spaces, never a plain space that could break the line', async () => {
    for (const { message } of Object.values(await loadMessages('fr'))) {
      expect(message).not.toMatch(/ [:;!?»]|« /u);
      expect(message).not.toMatch(/[^\s\u00a0\u202f][:;!?]\s/u);
    }
  });

  it('Japanese writes its own quotation marks and full-width colons', async () => {
    for (const { message } of Object.values(await loadMessages('ja'))) {
      expect(message).not.toMatch(/[“”"]|: /u);
    }
  });

  it('picks plural forms by Intl.PluralRules in the UI language', () => {
    // English: only 1 is singular.
    expect([0, 1, 2].map((n) => pluralForm(2, n, 'en'))).toEqual([1, 0, 1]);
    // French: 0 and 1 are both singular.
    expect([0, 1, 2].map((n) => pluralForm(2, n, 'fr'))).toEqual([0, 0, 1]);
    // Japanese has no singular.
    expect([0, 1, 2].map((n) => pluralForm(2, n, 'ja'))).toEqual([1, 1, 1]);
    // A message with its own 0 form takes it in every language.
    expect([0, 1, 5].map((n) => pluralForm(3, n, 'fr'))).toEqual([0, 1, 2]);
    expect([0, 1, 5].map((n) => pluralForm(3, n, 'ja'))).toEqual([0, 2, 2]);
  });

  it('formats in the language set last, however often it changes (formatters are kept per language)', () => {
    const when = Date.UTC(2026, 11, 7, 9, 30);
    const sample = () => [formatNumber(12500), formatRating(3.5), formatDateTime(when).includes('2026')];
    setUiLanguage('en-US');
    expect(sample()).toEqual(['12,500', '3.5', true]);
    setUiLanguage('de');
    expect(sample()).toEqual(['12.500', '3,5', true]);
    expect(formatDateTime(when)).toMatch(/^07\.12\.2026/);
    setUiLanguage('en-US');
    expect(sample()).toEqual(['12,500', '3.5', true]);
    expect(formatDateTime(when)).toMatch(/^Dec 7, 2026/);
  });

  it('renders German text and numbers in German', async () => {
    await useLocale('de');
    const { container } = render(
      <main>
        <RatingPanel
          state={createSidebarState(fakeSidebarPort())}
          view={inCanonView() as AnsweredBook}
          rating={weThinkEntry().rating}
        />
      </main>,
    );
    await waitFor(() => expect(screen.getByText('3,5 von 5 Sternen aus 4 bestätigten Bewertungen')).toBeTruthy());
    expect(screen.getByText('2 weitere Bewertungen warten auf die Bestätigung ihrer Personen.')).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('renders French plurals and numbers the French way', async () => {
    await useLocale('fr');
    expect(t('comments.title', 1, ['1'])).toBe('1 commentaire');
    expect(t('data.imported', 0)).toBe('Rien à importer dans ce fichier.');
    expect(t('nomination.open', 1)).toBe('Proposé par 1 lecteur.');
    expect(t('nomination.open', 1200)).toBe('Proposé par 1\u202f200 lecteurs.');
    expect(t('form.count', [formatNumber(0), formatNumber(5000)])).toBe('0 sur 5\u202f000 caractères');
    const { container } = render(
      <main>
        <RatingPanel
          state={createSidebarState(fakeSidebarPort())}
          view={inCanonView() as AnsweredBook}
          rating={weThinkEntry().rating}
        />
      </main>,
    );
    await waitFor(() => expect(screen.getByText('3,5 sur 5 étoiles, d’après 4 notes confirmées')).toBeTruthy());
    await expectNoAxeViolations(container);
  });

  it('renders Japanese text and counts', async () => {
    await useLocale('ja');
    expect(t('comments.title', 1, ['1'])).toBe('コメント 1 件');
    expect(t('sidebar.comments.loaded', 0)).toBe('コメントはまだありません。');
    const { container } = render(
      <main>
        <RatingPanel
          state={createSidebarState(fakeSidebarPort())}
          view={inCanonView() as AnsweredBook}
          rating={weThinkEntry().rating}
        />
      </main>,
    );
    await waitFor(() => expect(screen.getByText('5 つ星のうち 3.5（確認済みの評価 4 件）')).toBeTruthy());
    expect(screen.getByText('ほかに 2 件の評価が、読者の確認を待っています。')).toBeTruthy();
    await expectNoAxeViolations(container);
  });
});
