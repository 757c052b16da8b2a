// ESLint flat config: typescript-eslint (type-checked), Nx module boundaries, Prettier compatibility.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'util',
  'events',
  'stream',
  'process',
  'worker_threads',
  'timers',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'tmp/**',
      'dist/**',
      '.signet/**',
      '.nx/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
      '**/jest.config.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:feature', 'type:feature-shared', 'type:data', 'type:domain'],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature-shared', 'type:data', 'type:domain'],
            },
            { sourceTag: 'type:feature-shared', onlyDependOnLibsWithTags: ['type:data', 'type:domain'] },
            {
              sourceTag: 'type:data',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: ['@nestjs/*', '@apollo/*', 'graphql', 'graphql-*'],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: [
                '@nestjs/*',
                '@mikro-orm/*',
                'mikro-orm-*',
                '@apollo/*',
                'graphql',
                'graphql-*',
                'pg',
                '@electric-sql/*',
                ...nodeBuiltins,
              ],
            },
            { sourceTag: 'type:flows', onlyDependOnLibsWithTags: ['type:domain'] },
          ],
        },
      ],
    },
  },
  {
    // The domain libraries are pure: no Node, no wall clock, no randomness, no timers.
    files: ['libs/dsl/src/**/*.ts', 'libs/engine/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'Domain libraries import no Node modules.' }] },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Time comes through ports in the domain.' },
        { name: 'setInterval', message: 'Time comes through ports in the domain.' },
        { name: 'process', message: 'Domain libraries do not read the process.' },
        { name: 'require', message: 'Domain libraries use static imports.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The clock is a port: take `now` from the event.' },
        { object: 'Math', property: 'random', message: 'Randomness is a port: take ids from the context.' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', '**/testing/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
);
