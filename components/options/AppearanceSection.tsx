import type { SettingsPatch } from '../../lib/shared/messages/payloads';
import type { SettingsView } from '../../lib/shared/messages/views';
import { t } from '../i18n';
import type { OptionsState } from './state';

/** One group of radio buttons: its choices, which one the settings hold, and the change each saves. */
interface Choice {
  name: string;
  legend: string;
  options: { label: string; checked: boolean; patch: SettingsPatch }[];
}

/**
 * Sidebar side, whether it starts open, on which book pages it appears (quiet mode), where it sits, and the
 * theme: each a group of radio buttons.
 */
export function AppearanceSection({ state, settings }: { state: OptionsState; settings: SettingsView }) {
  const { sidebar, showOn, theme } = settings;
  const groups: Choice[] = [
    {
      name: 'sidebar-side',
      legend: t('appearance.side'),
      options: [
        { label: t('appearance.left'), checked: sidebar.side === 'left', patch: { sidebar: { side: 'left' } } },
        { label: t('appearance.right'), checked: sidebar.side === 'right', patch: { sidebar: { side: 'right' } } },
      ],
    },
    {
      name: 'sidebar-start',
      legend: t('appearance.start'),
      options: [
        { label: t('appearance.startCollapsed'), checked: !sidebar.open, patch: { sidebar: { open: false } } },
        { label: t('appearance.startOpen'), checked: sidebar.open, patch: { sidebar: { open: true } } },
      ],
    },
    {
      name: 'show-on',
      legend: t('appearance.showOn'),
      options: [
        { label: t('appearance.showOnEvery'), checked: showOn === 'every-book', patch: { showOn: 'every-book' } },
        { label: t('appearance.showOnKnown'), checked: showOn === 'known', patch: { showOn: 'known' } },
        { label: t('appearance.showOnCanon'), checked: showOn === 'in-canon', patch: { showOn: 'in-canon' } },
      ],
    },
    {
      name: 'sidebar-place',
      legend: t('appearance.place'),
      options: [
        {
          label: t('appearance.inPage'),
          checked: sidebar.placement === 'page',
          patch: { sidebar: { placement: 'page' } },
        },
        {
          label: t('appearance.inBrowserPanel'),
          checked: sidebar.placement === 'browser',
          patch: { sidebar: { placement: 'browser' } },
        },
      ],
    },
    {
      name: 'theme',
      legend: t('appearance.theme'),
      options: [
        { label: t('appearance.system'), checked: theme === 'system', patch: { theme: 'system' } },
        { label: t('appearance.light'), checked: theme === 'light', patch: { theme: 'light' } },
        { label: t('appearance.dark'), checked: theme === 'dark', patch: { theme: 'dark' } },
      ],
    },
  ];
  return (
    <section class="panel" aria-labelledby="appearance-title">
      <h2 id="appearance-title">{t('appearance.title')}</h2>
      {groups.map((group) => (
        <fieldset key={group.name} class="choices">
          <legend>{group.legend}</legend>
          {group.options.map((option) => (
            <label key={option.label} class="check">
              <input
                type="radio"
                name={group.name}
                checked={option.checked}
                onChange={() => void state.saveSettings(option.patch)}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
      ))}
    </section>
  );
}
