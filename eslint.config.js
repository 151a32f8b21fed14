// The linter (issue 16 item 7): import boundaries only, no style (prettier formats; `npm run
// format`). Which feature may import which is written below as data: a feature not in a
// folder's list is refused. Payments reads the registry, never the other way (the registry pages
// whose data is payments' are served by src/payments/routes.ts); audit names its actor without
// access (src/audit/actor.ts, the scope in src/db/scope.ts). The one mutual reach left is access
// printing the policy rules of the features that use it (permissions-doc.ts).
import tseslint from 'typescript-eslint';

const features = [
  'access',
  'audit',
  'citizens',
  'db',
  'dci',
  'demo',
  'funds',
  'home',
  'housing',
  'indicators',
  'jobs',
  'kernel',
  'law',
  'merit',
  'monitoring',
  'payments',
  'plans',
  'registry',
  'system',
  'units',
];

/** What each folder of src/ may import, besides itself. */
const mayImport = {
  kernel: ['db'],
  db: [],
  law: ['kernel'],
  units: ['kernel', 'db'],
  indicators: ['kernel', 'db', 'units'],
  audit: ['kernel', 'db', 'units'],
  access: [
    'kernel',
    'db',
    'units',
    'audit',
    'monitoring',
    'registry',
    'payments',
    'plans' /* their policy rules on the permissions page (permissions-doc.ts) */,
  ],
  jobs: ['kernel', 'db', 'audit', 'access' /* withActor: a job read under the caller's scope (scoped.ts) */],
  plans: ['kernel', 'db', 'access', 'audit', 'units', 'indicators'],
  monitoring: [
    'kernel',
    'db',
    'access',
    'audit',
    'units',
    'indicators',
    'plans' /* targets through plans/targets.ts, boundKind */,
    'registry' /* registry figures through registry/indicators.ts */,
    'housing' /* stage counts through housing/indicators.ts */,
    'citizens' /* the satisfaction index through citizens/indicators.ts */,
  ],
  registry: ['kernel', 'db', 'law', 'access', 'audit', 'units', 'jobs'],
  payments: ['kernel', 'db', 'law', 'access', 'audit', 'jobs', 'registry'],
  citizens: [
    'kernel',
    'db',
    'law',
    'access',
    'audit',
    'units',
    'registry' /* the commune, the applicant in the registry */,
    'payments' /* a grant becomes the benefit decision */,
  ],
  housing: [
    'kernel',
    'db',
    'law',
    'access',
    'audit',
    'units',
    'registry' /* a relief-list person registered through registry/register.ts */,
    'payments' /* the relief bank file in payments/export.ts format */,
  ],
  merit: ['kernel', 'db', 'law', 'access', 'audit', 'registry'],
  home: ['kernel', 'db', 'access', 'jobs', 'monitoring', 'payments', 'plans', 'registry', 'citizens', 'funds' /* the 31/3 publication reminder */],
  system: ['kernel', 'db', 'audit', 'jobs', 'demo'],
  funds: ['kernel', 'db', 'access', 'audit', 'units'],
  dci: ['kernel', 'db', 'access', 'audit', 'registry' /* the masking rules (registry/presenters.ts) */],
  demo: features.filter((f) => f !== 'demo'),
};

// Test code: *.test.ts, fixtures, src/access/testing.ts and test/. Production never imports it.
const testCode = ['**/*.test.ts', '**/fixture.ts', '**/testing.ts'];
const testImports = {
  group: ['**/test/**', '**/*.test.ts', '**/fixture.ts', '**/testing.ts'],
  message: 'Production code does not import test helpers (test/, *.test.ts, fixture.ts, testing.ts).',
};

/** The web may import from src/ only types, and values from these pure modules. */
const webPureModules = [
  'access/permissions\\.ts',
  'access/cookie-names\\.ts',
  'indicators/vocabulary\\.ts',
  'monitoring/chart\\.ts',
  'monitoring/model\\.ts',
  'monitoring/workflow\\.ts',
  'registry/channels\\.ts',
  'kernel/month\\.ts',
  'plans/extract/',
  'plans/diff\\.ts',
  'law/merit-categories\\.ts',
  'law/merit-levels\\.ts',
];

const rule = (patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

export default [
  { ignores: ['dist/**', 'web/dist/**', 'node_modules/**', '.tmp/**', 'src/db/generated.ts'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  // Composition roots (cli.ts, server.ts, features.ts, commands.ts, reference.ts) may import any feature.
  { files: ['src/*.ts'], ignores: testCode, rules: rule([testImports]) },
  ...Object.entries(mayImport).map(([folder, allowed]) => ({
    files: [`src/${folder}/**/*.ts`],
    ignores: testCode,
    rules: rule([
      testImports,
      ...features
        .filter((f) => f !== folder && !allowed.includes(f))
        .map((f) => ({
          group: [`../${f}/*`, `../../${f}/*`, `../${f}/**`, `../../${f}/**`],
          message: `src/${folder} may not import src/${f} (eslint.config.js: mayImport).`,
        })),
    ]),
  })),
  {
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    rules: rule([
      {
        regex: `^(\\.\\./)+src/(?!(${webPureModules.join('|')}))`,
        allowTypeImports: true,
        message: 'The web imports types from src/, and values only from the pure modules listed in eslint.config.js (webPureModules).',
      },
    ]),
  },
];
