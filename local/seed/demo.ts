// Moved to local/spoc-demo/seed.ts; this path stays only for the tests outside local/ that import it.
export { DEMO_SEED, PEOPLE } from '../spoc-demo/seed';
