import { render } from 'preact';
import { Sidebar } from '../../components/sidebar/Sidebar';
import { createSidebarState } from '../../components/sidebar/state';
import { createSidebarBackend, isInPage } from './backend';

const state = createSidebarState(await createSidebarBackend());
state.start();
render(<Sidebar state={state} inPage={isInPage()} />, document.getElementById('app')!);
