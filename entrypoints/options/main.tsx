import { render } from 'preact';
import { Options } from '../../components/options/Options';
import { createOptionsState } from '../../components/options/state';
import { createOptionsBackend } from './backend';

const state = createOptionsState(createOptionsBackend());
state.start();
render(<Options state={state} />, document.getElementById('app')!);
