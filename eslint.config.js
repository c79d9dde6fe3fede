import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first: a folder may import the folders before it, never one
 * after it (ARCHITECTURE.md draws them). errors.ts and version.ts sit below them all;
 * src/files (the atomic writer) beside the lowest, but text, sketch and evidence do not
 * touch files, so that `saochep/text` and `saochep/sketch` run without node:fs. The server
 * sits beside the cli: each may import everything below, neither the other.
 */
const LAYERS = ['text', 'sketch', 'evidence', 'plan-index', 'read', 'scan', 'report', 'cli'];
const SIDE_BY_SIDE = { cli: ['server'], server: ['cli'] };
const FILE_FREE = ['text', 'sketch', 'evidence'];
const FILE_MODULES = ['fs', 'fs/promises', 'worker_threads', 'child_process'].flatMap((m) => [
  m,
  `node:${m}`,
]);

/** A no-restricted-imports pattern for relative imports of these folders of src/. */
const folders = (names, why) => ({
  regex: `^(\\.\\./)+(${names.join('|')})(/|$)`,
  message: why,
});

function layerRules(layer) {
  const above = [
    ...LAYERS.slice(LAYERS.indexOf(layer) + 1),
    ...(SIDE_BY_SIDE[layer] ?? []),
    ...(layer === 'cli' ? [] : ['server']),
  ].filter((name) => name !== layer);
  if (FILE_FREE.includes(layer)) above.push('files');
  const patterns = [
    folders(
      [...new Set(above)],
      `src/${layer} may import only the layers below it: ${LAYERS.slice(0, LAYERS.indexOf(layer)).join(', ') || 'none'} (see ARCHITECTURE.md).`,
    ),
  ];
  const paths = FILE_FREE.includes(layer)
    ? FILE_MODULES.map((name) => ({
        name,
        message: `src/${layer} runs without files and threads: a text-only user loads it (saochep/text, saochep/sketch).`,
      }))
    : [];
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  };
}

export default tseslint.config(
  {
    ignores: [
      'bench/scratch/**',
      'dist/',
      'node_modules/',
      'corpus/sample/',
      'coverage/',
      'test-artifacts/',
      'bench/.build/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  // The layers of src/.
  ...LAYERS.map(layerRules),
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [folders(['cli'], 'The server sits beside the cli and does not import it.')] },
      ],
    },
  },
  {
    files: ['src/files/**/*.ts', 'src/errors.ts', 'src/version.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^\\.\\.?/(\\.\\./)*(${[...LAYERS, 'server', 'files'].join('|')})(/|$)`,
              message: 'errors, version and files sit below every layer and import none.',
            },
          ],
        },
      ],
    },
  },
  {
    // The HTML report's page runs in a browser: its own folder only, no Node.js.
    files: ['src/report/browser/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./|node:|[^.])',
              message:
                'The report page is bundled alone for the browser: it imports its own folder only.',
            },
          ],
        },
      ],
    },
  },
  {
    // CommonJS consumers are what these files test.
    files: ['**/*.cts', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
