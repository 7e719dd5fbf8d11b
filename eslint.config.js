// One lint set-up for the repository; it also enforces the architecture table of DESIGN.md.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
})

export default tseslint.config(
  { ignores: ['**/dist/**', '**/dist-bench/**', '**/node_modules/**', 'packages/*/test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  layer(
    ['packages/sna/src/**/*.ts'],
    [
      {
        group: ['node:*', 'fs', 'path', 'os', 'worker_threads'],
        message: 'sna runs in a browser too: Node-only code goes behind sna/node',
      },
      { group: ['@cosafe/*'], message: 'sna depends on nothing: it is the bottom layer' },
    ],
  ),
  layer(
    ['packages/core/src/**/*.ts'],
    [
      {
        group: ['node:*', 'fs', 'path', '@cosafe/store', '@cosafe/server', '@cosafe/cli'],
        message: 'core is pure: do I/O in store or server',
      },
    ],
  ),
  layer(
    ['packages/report/src/**/*.ts'],
    [
      {
        group: ['node:*', 'fs', 'path', '@cosafe/store', '@cosafe/server', '@cosafe/cli'],
        message: 'report renders to strings and bytes: the caller reads and writes files',
      },
    ],
  ),
  layer(
    ['packages/store/src/**/*.ts'],
    [{ group: ['@cosafe/server', '@cosafe/cli', 'fastify', '@fastify/*'], message: 'store sits below the server' }],
  ),
  layer(
    ['packages/server/src/**/*.ts'],
    [{ group: ['@cosafe/cli'], message: 'the server does not depend on the command line' }],
  ),
  layer(
    ['packages/web/src/**/*.ts', 'packages/web/src/**/*.tsx'],
    [
      {
        group: ['node:*', 'fs', 'path', 'os', 'worker_threads', '@cosafe/sna/node'],
        message: 'the web app runs in a browser',
      },
      {
        group: ['@cosafe/store', '@cosafe/server', '@cosafe/cli'],
        message: 'the web app talks to the server over HTTP (src/api), it does not import it',
      },
    ],
  ),
  {
    files: ['**/*.test.ts', '**/bench/**/*.ts', 'packages/sna/src/node/**/*.ts', 'packages/sna/src/**/*.node.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
)
