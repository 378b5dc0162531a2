import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { createPopupState } from '../../components/popup/state';
import { createPopupPort } from './port';

const state = createPopupState(await createPopupPort());
state.start();
render(<Popup state={state} />, document.getElementById('app')!);
