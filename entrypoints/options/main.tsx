import { render } from 'preact';
import { Options } from '../../components/options/Options';
import { createOptionsState } from '../../components/options/state';
import { createOptionsPort } from './port';

const state = createOptionsState(createOptionsPort());
state.start();
render(<Options state={state} />, document.getElementById('app')!);
