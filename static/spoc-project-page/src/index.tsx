import { token } from '@atlaskit/tokens';
import { view } from '@forge/bridge';
import { createRoot } from 'react-dom/client';
import { App } from './App';

// Design tokens follow Jira's light or dark theme; the frame paints its own surface so text stays readable.
void view.theme.enable();
document.body.style.backgroundColor = token('elevation.surface', '#FFFFFF');
document.body.style.color = token('color.text', '#172B4D');
createRoot(document.getElementById('root') as HTMLElement).render(<App />);
