/**
 * `npm start`: SPOC for Jira on the local site (local/spoc-demo), with the demo seeded and the app
 * configured for it, at http://localhost:8080 (serve.ts says which settings change what). This is the one
 * place `npm start` names the app; the site itself hosts whatever profile it is given.
 */
import { SPOC_DEMO } from '../spoc-demo';
import { serveSite } from './serve';

serveSite(SPOC_DEMO).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
