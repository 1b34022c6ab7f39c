// Layering is checked by a tool, not by memory: each folder may import only what its layer allows.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layering } from './scripts/eslint-layers.mjs';

const nodeBuiltins = ['node:*', 'fs', 'path', 'child_process', 'net', 'os', 'crypto', 'http', 'https', 'stream', 'util', 'url', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Which layer may import which: an allow list, in scripts/eslint-layers.mjs.
    files: ['**/*.{ts,tsx}'],
    plugins: { layering },
    rules: { 'layering/allowed-imports': 'error' },
  },
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off', // output parsing matches control characters on purpose
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs in a sandboxed page: no Node modules.' },
            { group: ['electron'], message: 'The renderer talks to main only through the contract.' },
            { group: ['ssh2', 'better-sqlite3', 'ws'], message: 'Node-only packages do not belong in the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...nodeBuiltins, 'electron', 'ssh2', 'better-sqlite3', 'ws', '../*'], message: 'The contract is shared by every side: types and schemas only.' }] },
      ],
    },
  },
  {
    files: ['main/core/**/*.ts', 'main/server/**/*.ts', 'main/cli/**/*.ts', 'main/lab/**/*.ts', 'playbooks/**/*.ts', 'db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', '**/electron/**'], message: 'Only main/electron and main/preload may import electron.' }] }],
    },
  },
  {
    files: ['main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...nodeBuiltins, '../core/**', '../server/**', '../cli/**'], message: 'The sandboxed preload may use electron and the contract method list only.' }] },
      ],
    },
  },
);
