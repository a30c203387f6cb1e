// Lint keeps the process layering honest: what runs where is visible in imports.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'zlib',
  'stream',
  'child_process',
  'http',
  'https',
  'url',
  'crypto'
]

export default tseslint.config(
  {
    ignores: [
      '.cache/**',
      '**/.scratch/**',
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'resources/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches Electron only through the AppApi bridge.' }
          ],
          patterns: [
            {
              group: nodeBuiltins,
              message: 'The renderer runs in a sandbox and in plain Chromium: no Node APIs.'
            },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'Import the contract from src/shared instead.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src/shared is runtime-free.' }],
          patterns: [
            { group: nodeBuiltins, message: 'src/shared is runtime-free: no Node APIs.' },
            {
              group: ['**/main/**', '**/preload/**', '**/renderer/**', 'react', 'react-dom', 'dexie'],
              message: 'src/shared may not depend on a process or a UI/storage runtime.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // A sandboxed preload can require only `electron`; type-only imports are erased.
          patterns: [
            {
              regex: '^(?!electron$|\\.\\./shared/)',
              message: 'A sandboxed preload may require only electron (src/shared is inlined at build time).'
            }
          ]
        }
      ]
    }
  },
  prettier
)
