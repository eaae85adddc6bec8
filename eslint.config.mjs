// ESLint flat config: type-aware typescript-eslint (strict), React hooks with the React
// Compiler rules, and Next's core-web-vitals rules. `npm run lint` runs it with
// --max-warnings 0, so a warning fails the build like an error does.
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Test code: unit and engine tests, e2e specs, benchmarks and the helpers that serve them.
const TEST_FILES = ['**/*.test.{ts,tsx}', '**/*.bench.ts', '**/testing/**', 'e2e/**', 'bench/**'];

export default defineConfig(
  {
    // Generated or scratch output (see .gitignore).
    ignores: ['.next/**', 'node_modules/**', 'cdk.out/**', 'test-results/**', 'playwright-report/**', '.data/**', 'tmp/**', 'next-env.d.ts'],
  },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.strictTypeChecked, reactHooks.configs.flat.recommended, nextPlugin.configs['core-web-vitals']],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers, booleans and a possibly-missing value print as expected in messages and
      // class names (CSS-module lookups are `string | undefined` under
      // noUncheckedIndexedAccess); `any` and objects still fail (no-base-to-string).
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true, allowRegExp: true, allowAny: false, allowNever: false },
      ],
      // `onClick={() => setOpen(false)}` is the idiom; a void used as a value elsewhere still fails.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // A leading underscore marks a value dropped on purpose (destructuring a key away).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `async` is how a function meets a Promise-returning contract without awaiting
      // (server actions must be async; fakes for injected ports); promise misuse is
      // caught by no-floating-promises and no-misused-promises.
      '@typescript-eslint/require-await': 'off',
      // Reports components the React Compiler would skip (TanStack Virtual's useVirtualizer).
      // The compiler is not enabled here, so there is nothing to skip.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    // The graph keeps the node objects it drew last so React Flow re-renders only what
    // changed: the ref is written in a layout effect (after commit) and read in useMemo.
    // Safe without the React Compiler; move it to state before enabling the compiler.
    files: ['components/graph/flow-graph.tsx'],
    rules: { 'react-hooks/refs': 'off' },
  },
  {
    files: TEST_FILES,
    rules: {
      // A test's `!` after a lookup is an assertion: a miss fails the test right there.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests pass fakes' methods around (`fetchAfter: fake.fetchAfter`); none use `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Vitest's asymmetric matchers (expect.any, expect.stringContaining...) are typed `any`,
      // and a test may read into JSON.parse's result: the assertion itself checks the shape.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      // `let h: Harness` set in beforeAll is undefined when setup failed, so `h?.close()` in
      // afterAll is a real guard the types cannot see.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Fakes stand in for SDK client classes (`{ send } as SagaClients['doc']`).
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  {
    // Imports go one way: the browser-safe lib/ and components/ never reach into backend/.
    // Tests are exempt (as in lib/layering.test.ts): they may start a real engine or DynamoDB.
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@/|(\\.\\./)+)backend(/|$)',
              message: 'lib/ and components/ must not import backend/: move what both sides need into lib/.',
            },
          ],
        },
      ],
    },
  },
);
