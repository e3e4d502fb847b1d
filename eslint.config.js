// Flat ESLint config. Import-boundary rules keep each runtime honest (style.md habit 1):
// renderer/ and shared/ never reach Node, Electron, node-forge or storage; electron/ never
// reaches React or pdf.js; only electron/main entry files and the preload import `electron`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeOnly = [
  { group: ['node:*'], message: 'Node built-ins are not available here.' },
  { group: ['electron', 'electron/*'], message: 'Electron belongs to the thin shell only.' },
  { group: ['node-forge', 'node-forge/*'], message: 'Crypto stays in the main process.' },
  { group: ['electron-store', 'conf', 'pg', '@electric-sql/*', 'drizzle-orm', 'drizzle-orm/*'], message: 'Storage stays out of this runtime.' },
];
const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'stream', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', '.data/**', 'tests/fixtures/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: nodeOnly, paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available here.' })) }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...nodeOnly, { group: ['react', 'react-dom', 'react/*', 'pdfjs-dist', 'pdfjs-dist/*'], message: 'shared/ is pure TypeScript.' }],
        paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available here.' })),
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['react', 'react-dom', 'react/*', 'pdfjs-dist', 'pdfjs-dist/*'], message: 'No UI libraries in the Electron/Node side.' },
        { group: ['electron', 'electron/*'], message: 'Only electron/main and electron/preload import electron; the core takes what it needs as parameters.' },
      ] }],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['react', 'react-dom', 'react/*', 'pdfjs-dist', 'pdfjs-dist/*'], message: 'No UI libraries in the Electron shell.' },
      ] }],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
);
