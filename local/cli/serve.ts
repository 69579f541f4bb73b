import path from 'node:path';
import { buildUi } from '../../scripts/build-ui';
import { parseAppBundler } from '../forge';
import { startSite, type Site } from '../site';
import type { SiteProfile } from '../site-profile';

/**
 * Serves the local Jira site with the profile's app, for people at a browser or curl: builds the app's
 * Custom UI (and rebuilds it on change), keeps data in `<appDir>/.local-data/site.db` (SITE_DB overrides),
 * listens on PORT (8080) and serves the Custom UI frames from FRAME_PORT (PORT + 1), on HOST (127.0.0.1),
 * and lists who can sign in. `POST /local/api/reset` or deleting the database brings the seed back.
 */
export async function serveSite(profile: SiteProfile): Promise<Site> {
  const port = portSetting('PORT', 8080);
  // Frames come from another origin, as from Atlassian's CDN; a free one when the site's port is free too.
  const framePort = portSetting('FRAME_PORT', port === 0 ? 0 : port + 1);
  if (framePort !== 0 && framePort === port) throw new Error('FRAME_PORT must differ from PORT.');

  await buildUi({ watch: true, appDir: profile.appDir });
  const site = await startSite({
    profile,
    dbFile: process.env.SITE_DB ?? path.join(profile.appDir, '.local-data', 'site.db'),
    port,
    framePort,
    host: process.env.HOST ?? '127.0.0.1',
    appBundler: parseAppBundler(process.env.APP_BUNDLER),
  });

  console.log(
    `\n${profile.appName}: local site running at ${site.url} (Custom UI frames from ${site.resourcesUrl})\n`,
  );
  console.log(
    `Sign in as anyone from the switcher, or with curl: curl -u <email>:x ${site.url}/rest/api/3/myself\n`,
  );
  const people = profile.seed?.people ?? [];
  console.log(
    people.map((p) => `  ${p.email.padEnd(34)} ${p.title ?? (p.groups ?? []).join(', ')}`).join('\n'),
  );

  const stop = async () => {
    await site.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  return site;
}

function portSetting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new Error(`${name} must be a port number, not ${process.env[name]}`);
  return value;
}
