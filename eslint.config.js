// The layering rule, checked by a tool (`npm run lint`, part of `npm test`): imports flow one way,
//   core ← platform ← ifc ← export ← ui / cli
// core is pure TypeScript (no Qt, no web-ifc); only ui touches NodeGui; worker entry files never
// load NodeGui (a second QApplication in a worker thread crashes the process). Only the boundaries
// and a few correctness rules are checked here, no style: tsc checks types, reviewers read style.
const tseslint = require('typescript-eslint');
const boundaries = require('eslint-plugin-boundaries');

const LAYERS = ['core', 'platform', 'ifc', 'export', 'ui', 'cli'];
/** What each layer may import besides itself. export does not read IFC itself today (it gets the
 *  finished schedule model from core), so it may not import ifc either. */
const MAY_IMPORT = {
  core: [],
  platform: ['core'],
  ifc: ['core', 'platform'],
  export: ['core', 'platform'],
  ui: ['core', 'platform', 'ifc', 'export'],
  cli: ['core', 'platform', 'ifc', 'export'],
};
const NODEGUI = '@nodegui/*';

const layerPolicies = LAYERS.map((layer) => ({
  from: { element: { type: layer } },
  disallow: { to: { element: { types: LAYERS.filter((other) => other !== layer && !MAY_IMPORT[layer].includes(other)) } } },
  message: `${layer} may import only ${[layer, ...MAY_IMPORT[layer]].join(', ')} (imports flow one way: core ← platform ← ifc ← export ← ui/cli)`,
}));

module.exports = [
  { ignores: ['out/**', 'dist/**', 'node_modules/**'] },
  // Code carries disable comments for editors' wider rule sets; this config checks only a few rules.
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
    plugins: { boundaries, '@typescript-eslint': tseslint.plugin },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.js', '.json', '.node'] } },
      'boundaries/elements': LAYERS.map((layer) => ({ type: layer, pattern: `src/${layer}` })),
      // A worker entry runs in its own thread; its whole import graph must stay free of Qt. With
      // the layer rules below (only ui may import NodeGui, and a worker may not import ui) that
      // holds transitively, not just for the entry file's own imports.
      'boundaries/files': [{ category: 'worker', pattern: 'src/**/*-worker.ts' }],
      // require() and import() count as imports too (the code uses both for lazy loading).
      'boundaries/dependency-nodes': ['import', 'export', 'require', 'dynamic-import'],
    },
    rules: {
      'boundaries/dependencies': ['error', {
        default: 'allow',
        // npm packages count (web-ifc, @nodegui/*), and so do imports inside one layer (a worker
        // entry inside ui would import ui's own files).
        checkAllOrigins: true,
        checkInternals: true,
        policies: [
          ...layerPolicies,
          {
            from: { element: { type: 'core' } },
            disallow: { to: { module: { origin: 'external', source: ['web-ifc', NODEGUI] } } },
            message: 'core is pure TypeScript: no Qt and no web-ifc',
          },
          {
            from: { element: { types: LAYERS.filter((l) => l !== 'ui') } },
            disallow: { to: { module: { origin: 'external', source: NODEGUI } } },
            message: 'only src/ui may import @nodegui/* (through src/ui/qt.ts)',
          },
          {
            from: { file: { categories: 'worker' } },
            disallow: [{ to: { element: { type: 'ui' } } }, { to: { module: { origin: 'external', source: NODEGUI } } }],
            message: 'worker entry files never load NodeGui, directly or through ui: a second QApplication crashes the process',
          },
        ],
      }],
      // Correctness only: each of these is a bug whenever it fires.
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-dupe-else-if': 'error',
      'no-duplicate-case': 'error',
      'no-self-assign': 'error',
      'no-self-compare': 'error',
      'no-unreachable': 'error',
      'no-unsafe-finally': 'error',
      'no-unsafe-negation': 'error',
      'no-compare-neg-zero': 'error',
      'no-async-promise-executor': 'error',
      'no-sparse-arrays': 'error',
      'no-cond-assign': ['error', 'except-parens'],
      'use-isnan': 'error',
      'valid-typeof': 'error',
      '@typescript-eslint/no-misused-new': 'error',
      '@typescript-eslint/no-unsafe-declaration-merging': 'error',
    },
  },
  {
    // src/ui/qt.ts is the one door to NodeGui inside ui (and the qode shim's loader, which must
    // run before NodeGui loads); every other ui file imports widgets from './qt'.
    files: ['src/ui/**/*.ts'],
    ignores: ['src/ui/qt.ts', 'src/ui/runtime/load-shim.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@nodegui/*'], message: "import NodeGui from src/ui/qt.ts, the one door to it" }] }],
    },
  },
];
