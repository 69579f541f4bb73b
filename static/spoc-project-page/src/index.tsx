import { view } from '@forge/bridge';
import { createRoot } from 'react-dom/client';
import { App } from './App';

void view.theme.enable();
createRoot(document.getElementById('root') as HTMLElement).render(<App />);
