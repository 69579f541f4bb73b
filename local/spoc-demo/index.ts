import path from 'node:path';
import type { SiteProfile } from '../site-profile';
import { seedAppDemo } from './configure';
import { DEMO_SEED } from './seed';

/**
 * SPOC for Jira on the local site, as `npm start` and the tests that start the SPOC site host it: this
 * repository's app, its demo people, projects, clients and issues, and after seeding the app configured
 * the way an administrator would (configure.ts). The generic site never imports this folder.
 */
export const SPOC_DEMO = {
  appDir: path.resolve(__dirname, '..', '..'),
  appName: 'SPOC for Jira',
  seed: DEMO_SEED,
  afterSeed: async (site) => {
    await seedAppDemo(site);
  },
} satisfies SiteProfile;

export { DEMO_SEED, PEOPLE } from './seed';
export { demoConfiguration, seedAppDemo, type AppDemo } from './configure';
export type { DemoClient, DemoRole, SpocDemoSeed, StoryPerson } from './story';
