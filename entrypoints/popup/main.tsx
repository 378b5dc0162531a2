import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { createPopupState } from '../../components/popup/state';
import { createPopupBackend } from './backend';

const state = createPopupState(await createPopupBackend());
state.start();
render(<Popup state={state} />, document.getElementById('app')!);
