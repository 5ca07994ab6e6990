// Lint config, and the one place the architecture is written down as rules.
//
// Imports flow one way, from the edge inwards:
//
//   main.tsx / app.tsx  → wires everything together
//   components/         → React panels; get the map adapter injected, never import src/map
//   map/                → the only importer of maplibre-gl
//   store/              → zustand slices + selectors
//   io/                 → the edge: files, storage, URL, network; no React, store or map
//   cli/                → command line: domain + io only
//   i18n/               → typed keys and messages
//   domain/             → pure TypeScript: no other layer, no React/zustand/maplibre/recharts,
//                         no Node built-ins, no browser globals; zod and @turf/* are fine
//
// `import/no-restricted-paths` guards the folders (it resolves each import, so it also
// catches `../../io/x` written from deep inside a folder), `no-restricted-imports` guards
// packages, `import/no-nodejs-modules` guards Node built-ins and `import/no-cycle` keeps the
// graph acyclic. Tests, build scripts (geo/, data/) and config files may import anything.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const tsFiles = ['**/*.{ts,tsx,mts,cts}'];
const jsFiles = ['**/*.{js,jsx,mjs,cjs}'];
const srcFiles = ['src/**/*.{ts,tsx,js,jsx}'];

/** Package bans, as `no-restricted-imports` entries. */
const onlyMapImportsMaplibre = [
  {
    name: 'maplibre-gl',
    message: 'Only src/map/** may import maplibre-gl; inject the map adapter instead.',
  },
];
const onlyMapImportsMaplibrePatterns = [
  {
    group: ['maplibre-gl/*'],
    message: 'Only src/map/** may import maplibre-gl; inject the map adapter instead.',
  },
];
const notInDomain = (name) => ({
  name,
  message: `src/domain is pure TypeScript: it may not import ${name}.`,
});

/** Folder bans, as `import/no-restricted-paths` zones (paths are relative to this file). */
const zones = [
  {
    target: './src/domain',
    from: [
      './src/io',
      './src/store',
      './src/map',
      './src/components',
      './src/cli',
      './src/i18n',
      './src/app.tsx',
      './src/main.tsx',
    ],
    message: 'src/domain is the bottom layer: it may import only src/domain, zod and @turf/*.',
  },
  {
    target: './src/io',
    from: ['./src/components', './src/store', './src/map', './src/app.tsx', './src/main.tsx'],
    message: 'src/io is the edge: it returns domain data and knows nothing of React, store or map.',
  },
  {
    target: './src/components',
    from: ['./src/cli', './src/map', './src/main.tsx'],
    message: 'src/components may not import src/map (the map adapter is injected) or src/cli.',
  },
  {
    target: './src/store',
    from: ['./src/components', './src/map', './src/cli', './src/app.tsx', './src/main.tsx'],
    message: 'src/store holds state and selectors; it may not import components, map or cli.',
  },
  {
    target: './src/map',
    from: ['./src/components', './src/store', './src/cli', './src/app.tsx', './src/main.tsx'],
    message: 'src/map reports through callbacks; it may not import components, store or cli.',
  },
  {
    target: './src/cli',
    from: ['./src/components', './src/store', './src/map', './src/app.tsx', './src/main.tsx'],
    message: 'src/cli may import src/domain and src/io, not components, store or map.',
  },
  {
    target: './src',
    from: './tests',
    message: 'Application code may not import test code.',
  },
];

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'geo/*.json',
      'geo/*.geojson',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // Base rules for every file, type-aware for TypeScript.
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Plain JS (config files) is not in the TypeScript program: lint it without type info.
    files: jsFiles,
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },

  // Imports: resolution (needed by no-restricted-paths / no-cycle) and hygiene.
  {
    // eslint-plugin-import (not import-x): import-x needs unrs-resolver, whose native bindings
    // for other platforms are not on the registry this project installs from, and npm ci then
    // rejects the lock file. The plain node resolver needs no native code.
    plugins: { import: importPlugin },
    settings: {
      'import/extensions': ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'],
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
      'import/resolver': {
        node: {
          extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'],
        },
      },
    },
    rules: {
      'import/no-self-import': 'error',
      'import/no-duplicates': 'error',
      'import/no-useless-path-segments': 'error',
    },
  },

  // React: hooks rules (incl. the React Compiler checks) and fast-refresh boundaries.
  {
    files: ['src/**/*.{ts,tsx}', 'tests/component/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/**/*.tsx'],
    ...reactRefresh.configs.vite,
  },

  // The architecture.
  {
    files: srcFiles,
    rules: {
      'import/no-restricted-paths': ['error', { zones, basePath: import.meta.dirname }],
      'import/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Everything but src/map and the tests: no maplibre-gl.
    files: [...tsFiles, ...jsFiles],
    ignores: ['src/map/**', 'tests/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: onlyMapImportsMaplibre, patterns: onlyMapImportsMaplibrePatterns },
      ],
    },
  },
  {
    // Overrides the maplibre-only ban above (flat config replaces rule options), so it repeats it.
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...onlyMapImportsMaplibre,
            ...['react', 'react-dom', 'zustand', 'recharts'].map(notInDomain),
          ],
          patterns: [
            ...onlyMapImportsMaplibrePatterns,
            {
              group: ['react/*', 'react-dom/*', 'zustand/*', 'recharts/*'],
              message: 'src/domain is pure TypeScript: no React, zustand or recharts.',
            },
          ],
        },
      ],
      'import/no-nodejs-modules': 'error',
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'location',
          'localStorage',
          'sessionStorage',
          'fetch',
          'XMLHttpRequest',
          'process',
        ].map((name) => ({
          name,
          message: `src/domain is pure: take what you need from ${name} as a parameter.`,
        })),
      ],
    },
  },
  {
    files: ['src/components/**'],
    rules: {
      'import/no-nodejs-modules': 'error',
    },
  },

  // Node-side code: scripts, CLI, config, tests.
  {
    files: ['geo/**', 'data/**', 'src/cli/**', 'tests/**', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
