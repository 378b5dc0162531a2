import type { InputRefusal } from '../../lib/pages/reader-input';
import { LIMITS } from '../../lib/shared/api/limits';
import { formatNumber, t } from '../i18n';

/** The sentence that tells a reader why their input was refused. */
export function refusalText(reason: InputRefusal): string {
  switch (reason) {
    case 'required':
      return t('input.required');
    case 'too-long':
      return t('input.tooLong');
    case 'control-characters':
      return t('input.controlCharacters');
    case 'email':
      return t('input.email');
    case 'url':
      return t('input.url');
    case 'url-scheme':
      return t('input.urlScheme');
    case 'url-insecure':
      return t('input.urlInsecure');
    case 'url-credentials':
      return t('input.urlCredentials');
    case 'too-many-tags':
      return t('input.tooManyTags', [formatNumber(LIMITS.tagsPerBook)]);
  }
}
