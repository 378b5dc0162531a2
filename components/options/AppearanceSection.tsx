import type { ReaderSettings } from '../backend';
import { t } from '../i18n';
import type { OptionsState } from './state';

interface Choice<K extends keyof ReaderSettings> {
  key: K;
  legend: string;
  options: { value: ReaderSettings[K]; label: string }[];
}

/** Sidebar side, whether it starts open, where it sits, and the theme: each a group of radio buttons. */
export function AppearanceSection({ state, settings }: { state: OptionsState; settings: ReaderSettings }) {
  const groups = [
    {
      key: 'sidebarSide',
      legend: t('appearance.side'),
      options: [
        { value: 'left', label: t('appearance.left') },
        { value: 'right', label: t('appearance.right') },
      ],
    } satisfies Choice<'sidebarSide'>,
    {
      key: 'sidebarStartsOpen',
      legend: t('appearance.start'),
      options: [
        { value: false, label: t('appearance.startCollapsed') },
        { value: true, label: t('appearance.startOpen') },
      ],
    } satisfies Choice<'sidebarStartsOpen'>,
    {
      key: 'sidebarPlace',
      legend: t('appearance.place'),
      options: [
        { value: 'page', label: t('appearance.inPage') },
        { value: 'browser', label: t('appearance.inBrowserPanel') },
      ],
    } satisfies Choice<'sidebarPlace'>,
    {
      key: 'theme',
      legend: t('appearance.theme'),
      options: [
        { value: 'system', label: t('appearance.system') },
        { value: 'light', label: t('appearance.light') },
        { value: 'dark', label: t('appearance.dark') },
      ],
    } satisfies Choice<'theme'>,
  ];
  return (
    <section class="panel" aria-labelledby="appearance-title">
      <h2 id="appearance-title">{t('appearance.title')}</h2>
      {groups.map((group) => (
        <fieldset key={group.key} class="choices">
          <legend>{group.legend}</legend>
          {group.options.map((option) => (
            <label key={String(option.value)} class="check">
              <input
                type="radio"
                name={group.key}
                checked={settings[group.key] === option.value}
                onChange={() => void state.saveSettings({ [group.key]: option.value })}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
      ))}
    </section>
  );
}
