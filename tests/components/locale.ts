/**
 * Serves browser.i18n.getMessage from the real locales/<lang>.yml, compiled the
 * way the build compiles it, so component tests read the same text a reader
 * sees. (The fake browser leaves i18n unimplemented.)
 */
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setUiLanguage } from '../../components/i18n';

export type Messages = Record<string, { message: string }>;

export async function loadMessages(locale: string): Promise<Messages> {
  const parsed = await parseMessagesFile(resolve(import.meta.dirname, `../../locales/${locale}.yml`));
  return generateChromeMessages(parsed) as Messages;
}

/** Chrome's rule: $1 … $9 take the substitutions in order, $$ is a dollar sign. */
function substitute(message: string, substitutions: string[]): string {
  return message.replace(/\$(\$|[1-9])/gu, (_, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}

/** Serves `locale`'s messages and makes it the UI language, as an entry point does for the browser's. */
export async function useLocale(locale: string): Promise<void> {
  const messages = await loadMessages(locale);
  setUiLanguage(locale);
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
    const entry = messages[key];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return substitute(entry.message, subs);
  }) as typeof fakeBrowser.i18n.getMessage;
}
