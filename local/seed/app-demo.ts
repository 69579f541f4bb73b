// Moved to local/spoc-demo/configure.ts; this path stays only for the tests outside local/ that import it.
export { demoConfiguration, seedAppDemo, type AppDemo } from '../spoc-demo/configure';
