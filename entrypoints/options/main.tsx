import { render } from 'preact';
import { Options } from '../../components/options/Options';
import { createOptionsState } from '../../components/options/state';
import { createOptionsPort } from './port';
import { setUiLanguage } from '../../components/i18n';
import { markDocumentLanguage, readPageLanguage } from '../../lib/pages/ui-language';

// Before the first render: lang, dir and every number and date follow the browser's UI language.
const language = readPageLanguage();
markDocumentLanguage(document, language);
setUiLanguage(language.tag);

const state = createOptionsState(createOptionsPort());
state.start();
render(<Options state={state} />, document.getElementById('app')!);
