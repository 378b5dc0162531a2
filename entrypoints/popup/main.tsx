import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { createPopupState } from '../../components/popup/state';
import { createPopupPort } from './port';
import { setUiLanguage } from '../../components/i18n';
import { markDocumentLanguage, readPageLanguage } from '../../lib/pages/ui-language';

// Before the first render: lang, dir and every number and date follow the browser's UI language.
const language = readPageLanguage();
markDocumentLanguage(document, language);
setUiLanguage(language.tag);

const state = createPopupState(await createPopupPort());
state.start();
render(<Popup state={state} />, document.getElementById('app')!);
