/**
 * `npm start`: builds the app's Custom UI (and rebuilds it on change), then serves the local Jira site with
 * the app installed and the demo seeded, at http://localhost:8080 (PORT overrides). Data is kept in
 * .local-data/site.db; `POST /local/api/reset` or deleting that file brings the demo back.
 */
import path from 'node:path';
import { buildUi } from '../../scripts/build-ui';
import { parseAppBundler } from '../forge';
import { DEMO_SEED } from '../seed/demo';
import { startSite } from '../site';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not ${process.env.PORT}`);

  await buildUi({ watch: true });
  const site = await startSite({
    dbFile: process.env.SITE_DB ?? path.join(root, '.local-data', 'site.db'),
    port,
    host: process.env.HOST ?? '127.0.0.1',
    appBundler: parseAppBundler(process.env.APP_BUNDLER),
  });

  const people = DEMO_SEED.people.map(
    (p) => `  ${p.email.padEnd(34)} ${p.roles.join(', ')}${p.client ? ` (${p.client})` : ''}`,
  );
  console.log(`\nSPOC for Jira: local site running at ${site.url}\n`);
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
