// ESLint flat config: TypeScript rules everywhere, plus the architecture's import boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers (README "Layout"), one block per folder. Flat config lets a later block's `no-restricted-imports`
 * replace an earlier one's for the same file, so each block lists every boundary of its folder in full, and no
 * two blocks match the same file. test/lint/layers.test.ts shows each rule failing on a file that breaks it.
 */
const NEVER_LOCAL = {
  regex: '(^|/)local(/|$)',
  message: 'The app never imports the local site: the same code must run on Atlassian’s platform.',
};
const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: [NEVER_LOCAL, ...patterns] }],
});

const PURE = {
  regex: '^(?!\\.{1,2}/|luxon$)',
  message: 'The domain is pure: it imports only the domain and luxon, no platform package or I/O.',
};

export const LAYER_RULES = [
  {
    // Pure decisions: nothing of the app but the domain, no platform, no I/O; luxon for time zones.
    name: 'layers/domain',
    files: ['src/domain/*.ts'],
    rules: restrict(PURE, { regex: '^\\.\\./', message: 'The domain imports nothing outside src/domain.' }),
  },
  {
    name: 'layers/domain-subfolders',
    files: ['src/domain/*/**/*.ts'],
    rules: restrict(PURE, {
      regex: '^\\.\\./\\.\\./',
      message: 'The domain imports nothing outside src/domain.',
    }),
  },
  {
    // Verbs: domain decisions plus ports; the adapters reach them only through the ports.
    name: 'layers/usecases',
    files: ['src/usecases/**/*.ts'],
    rules: restrict(
      { regex: '^@forge/', message: 'Use cases reach the platform only through their ports (ports.ts).' },
      {
        regex: '^(\\.\\./)+(jira|storage|resolvers|triggers|composition)(/|$)',
        message: 'Use cases know the adapters only by the ports they implement (ports.ts, errors.ts).',
      },
    ),
  },
  {
    // Edges: validate, authorize, call a use case; adapters come from the composition module.
    name: 'layers/edges',
    files: ['src/resolvers/**/*.ts', 'src/triggers/**/*.ts'],
    rules: restrict(
      {
        regex: '^@forge/(api|kvs)$',
        message: 'Resolvers and triggers get Jira and storage from src/composition.ts, never directly.',
      },
      {
        regex: '^(\\.\\./)+(jira|storage)(/|$)',
        message: 'Resolvers and triggers get their adapters from src/composition.ts.',
      },
    ),
  },
  {
    // Adapters: implement the ports; they never call back up into the edges.
    name: 'layers/adapters',
    files: ['src/jira/**/*.ts', 'src/storage/**/*.ts'],
    rules: restrict({
      regex: '^(\\.\\./)+(resolvers|triggers|composition)(/|$)',
      message: 'Adapters implement ports; they do not import the edges or the wiring.',
    }),
  },
  {
    // What the UI and the resolvers agree on: types over the domain, nothing that runs on the server.
    name: 'layers/contract',
    files: ['src/contract/**/*.ts'],
    rules: restrict(
      { regex: '^@forge/', message: 'The contract is shared with the browser: no platform packages.' },
      {
        regex: '^(\\.\\./)+(jira|storage|usecases|resolvers|triggers|composition)(/|$)',
        message: 'The contract imports only the domain.',
      },
    ),
  },
  {
    // The rest of src/ (index.ts, composition.ts).
    name: 'layers/src',
    files: ['src/*.ts'],
    rules: restrict(),
  },
  {
    // Custom UI: its own feature folder and static/shared, and of the backend only the contract.
    name: 'layers/static',
    files: ['static/**/*.{ts,tsx}'],
    rules: restrict(
      {
        regex: '^(\\.\\./)+src/(?!contract(/|$))',
        message: 'Custom UI imports nothing of the backend but src/contract.',
      },
      {
        regex: '^(\\.\\./)+(spoc-[a-z-]+)/',
        message: 'A Custom UI feature never imports another feature’s files; share them in static/shared.',
      },
    ),
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', '.local-data/**', 'static/*/build/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read Jira's JSON answers loosely on purpose; the OpenAPI conformance check types them instead.
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...LAYER_RULES,
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly' },
    },
  },
);
