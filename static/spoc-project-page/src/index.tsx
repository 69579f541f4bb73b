import { token } from '@atlaskit/tokens';
import { view } from '@forge/bridge';
import { createRoot } from 'react-dom/client';
import { StyleRoot } from '../../shared/style-root';
import { App } from './App';

// Design tokens follow Jira's light or dark theme; the frame paints its own surface so text stays readable.
void view.theme.enable();
document.body.style.backgroundColor = token('elevation.surface', '#FFFFFF');
document.body.style.color = token('color.text', '#172B4D');
// Atlaskit's calendar styles with Emotion; StyleRoot keeps those rules out of a <style> Forge's CSP refuses.
createRoot(document.getElementById('root') as HTMLElement).render(
  <StyleRoot>
    <App />
  </StyleRoot>,
);
