/**
 * `npm start`: builds the app's Custom UI (and rebuilds it on change), then serves the local Jira site with
 * the app installed and the demo seeded, at http://localhost:8080 (PORT overrides), and the Custom UI frames
 * from their own origin on the next port (FRAME_PORT overrides). Data is kept in .local-data/site.db;
 * `POST /local/api/reset` or deleting that file brings the demo back.
 */
import path from 'node:path';
import { buildUi } from '../../scripts/build-ui';
import { parseAppBundler } from '../forge';
import { DEMO_SEED } from '../seed/demo';
import { startSite } from '../site';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const port = portSetting('PORT', 8080);
  // Frames come from another origin, as from Atlassian's CDN; a free one when the site's port is free too.
  const framePort = portSetting('FRAME_PORT', port === 0 ? 0 : port + 1);
  if (framePort !== 0 && framePort === port) throw new Error('FRAME_PORT must differ from PORT.');

  await buildUi({ watch: true });
  const site = await startSite({
    dbFile: process.env.SITE_DB ?? path.join(root, '.local-data', 'site.db'),
    port,
    framePort,
    host: process.env.HOST ?? '127.0.0.1',
    appBundler: parseAppBundler(process.env.APP_BUNDLER),
  });

  const people = DEMO_SEED.people.map(
    (p) => `  ${p.email.padEnd(34)} ${p.roles.join(', ')}${p.client ? ` (${p.client})` : ''}`,
  );
  console.log(
    `\nSPOC for Jira: local site running at ${site.url} (Custom UI frames from ${site.resourcesUrl})\n`,
  );
  console.log(
    `Sign in as anyone from the switcher, or with curl: curl -u <email>:x ${site.url}/rest/api/3/myself\n`,
  );
  console.log(people.join('\n'));

  const stop = async () => {
    await site.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

function portSetting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new Error(`${name} must be a port number, not ${process.env[name]}`);
  return value;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
