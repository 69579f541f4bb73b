import path from 'node:path';
import type { DemoSeed } from './seed/types';
import type { Site } from './site';

/**
 * What a local site hosts and starts with: the one place where an app's specifics come in. The site itself
 * knows Jira and Forge only; whoever starts it (`npm start`, a test) hands it the app and its data.
 */
export interface SiteProfile {
  /** The Forge app's folder: its manifest.yml, its src/ and the Custom UI folders its resources name. */
  readonly appDir: string;
  /** The app's name as Jira shows it (its app user); Forge keeps the name outside the manifest. */
  readonly appName: string;
  /** The Jira data the site starts from and a reset brings back; without one, Jira starts empty. */
  readonly seed?: DemoSeed;
  /**
   * Runs on the seeded site once it listens and after every reset, for what the app needs before anyone
   * signs in (e.g. its configuration, made through its own resolver as an administrator would). Not run
   * when seeding is off.
   */
  readonly afterSeed?: (site: Site) => Promise<void>;
}

/** The Forge app in a folder, nothing seeded: as the Forge CLI takes the app in the folder it runs in. */
export function bareProfile(appDir: string = process.cwd()): SiteProfile {
  return { appDir, appName: path.basename(path.resolve(appDir)) };
}

/** A seed with nothing in it: what a reset brings back when the site started empty. */
export function emptySeed(anchor: string): DemoSeed {
  return { anchor, people: [], groups: [], projects: [], issues: [] };
}
