import { render } from 'preact';

render(<main><h1>Bookside</h1></main>, document.getElementById('app')!);
