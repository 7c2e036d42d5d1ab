import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Scraped text is data: nothing in the extension may turn a string into HTML.
const NO_HTML_FROM_STRINGS = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render scraped text as text, never as HTML.' },
  { selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]", message: 'Do not build DOM from strings: use textContent or Preact.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Do not build DOM from strings: use textContent or Preact.' },
  { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'Do not build DOM from strings.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name='write']", message: 'Do not build DOM from strings.' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'screenshots/**', 'demo/app.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-restricted-syntax': ['error', ...NO_HTML_FROM_STRINGS],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Scraped text is data: use textContent.' },
        { property: 'outerHTML', message: 'Scraped text is data.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The demo site and tests build fixture HTML on purpose; the extension code may not.
    files: ['demo/**', 'tests/**', 'scripts/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
