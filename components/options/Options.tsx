import '../shared/theme.css';
import './options.css';
import { t } from '../i18n';
import { LiveRegion } from '../shared/LiveRegion';
import { PanelFrame } from '../shared/PanelFrame';
import { AppearanceSection } from './AppearanceSection';
import { DataSection } from './DataSection';
import { IdentitySection } from './IdentitySection';
import { OutboxSection } from './OutboxSection';
import { ServerSection } from './ServerSection';
import { SitesSection } from './SitesSection';
import type { OptionsState } from './state';

/** The options page: one section per concern, each saving on its own. */
export function Options({ state }: { state: OptionsState }) {
  const settings = state.settings.value;
  const theme = settings.status === 'ready' && settings.value.theme !== 'system' ? settings.value.theme : undefined;
  return (
    <div class="bookside options" data-theme={theme}>
      <main>
        <h1>{t('options.title')}</h1>
        <IdentitySection state={state} />
        <PanelFrame
          id="settings"
          title={t('options.settings')}
          load={settings}
          onRetry={() => void state.reload.settings()}
        >
          {(value) => (
            <>
              <ServerSection state={state} settings={value} />
              <SitesSection state={state} settings={value} />
              <AppearanceSection state={state} settings={value} />
            </>
          )}
        </PanelFrame>
        <OutboxSection state={state} />
        <DataSection state={state} />
      </main>
      <LiveRegion message={state.announcement} />
    </div>
  );
}
