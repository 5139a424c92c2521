// Lint runs with zero warnings allowed (`eslint --max-warnings 0`), type-aware.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------
// Layering: which folder may import which (docs/design.md, "Layering rules").
//
// Patterns are regexes on the import specifier as written. Imports inside src/ are relative, so a
// specifier leaving a folder starts with '../' (or '../../' from src/gateway/<kind>/).
// ---------------------------------------------------------------------------------------------

/** Node built-ins, with and without the `node:` prefix ('fs', 'fs/promises', 'node:fs', ...). */
const NODE_BUILTINS = {
  regex: `^(node:.*|(${builtinModules.filter((m) => !m.startsWith('_')).join('|')})(/.*)?)$`,
  message: 'engine and risk are pure and deterministic: no Node built-in (no I/O, clock, threads or randomness).',
};

/**
 * Layer groups a folder may be refused, by name, so that an exception can lift exactly one of them
 * for one file rather than the whole rule.
 */
const LAYER_GROUPS = {
  // src/engine = books, commands, events: it imports src/domain only.
  'engine-outside-domain': {
    regex: '^\\.\\./(?!domain/)',
    message: 'src/engine (books, commands, events) may import src/domain only.',
  },
  // src/risk = the pre-trade gate: it imports src/engine and src/domain only.
  'risk-outside-engine-domain': {
    regex: '^\\.\\./(?!domain/|engine/)',
    message: 'src/risk (the pre-trade gate) may import src/engine and src/domain only.',
  },
  // Gateways and market data talk to the venue service (src/venue), never to the books behind it.
  'order-book': {
    regex: '^(\\.\\./)+engine/(fast-order-book|naive-order-book|order-book|price-ladder|order-index)(\\.js)?$',
    message: 'no order book here: read books through the venue service (src/venue).',
  },
  'core-engine': {
    regex: '^(\\.\\./)+core/engine(\\.js)?$',
    message: 'no engine (or its read replica) here: go through the venue service (src/venue).',
  },
  pipeline: {
    regex: '^(\\.\\./)+pipeline/',
    message: 'no pipeline here: commands go through the venue service (src/venue).',
  },
  journal: {
    regex: '^(\\.\\./)+journal/',
    message: 'no journal here: durability belongs to the venue service (src/venue).',
  },
};

/** `@typescript-eslint/no-restricted-imports` refusing these groups; type-only imports are refused too. */
function restrictImports(groupNames, extra = []) {
  const patterns = groupNames.map((name) => LAYER_GROUPS[name]);
  return ['error', { patterns: [...extra, ...patterns] }];
}

const EDGE_GROUPS = ['order-book', 'core-engine', 'pipeline', 'journal'];

/**
 * SHRINKING LIST: edge files that break the layering today, with the groups each one still needs.
 * Only remove entries (or groups from an entry); never add one. Each file keeps every other
 * restriction of its folder.
 */
const LAYERING_EXCEPTIONS = [
  // Being moved onto src/venue (issue 14): keeps a shadow book (OrderBook) for market data.
  { file: 'src/gateway/fix/fix-market-data.ts', allow: ['order-book'] },
  // Being moved onto src/venue (issue 14): fsyncs its directory with the journal's syncDirectory.
  { file: 'src/gateway/fix/fix-order-log.ts', allow: ['journal'] },
  // Being moved onto src/venue (issue 14): takes the Engine (type import) to read assets for fee text.
  { file: 'src/gateway/rest/views.ts', allow: ['core-engine'] },
  // Being moved onto src/venue (issue 14): takes the Engine (type import) to read assets for fills and reports.
  { file: 'src/gateway/ws/orders.ts', allow: ['core-engine'] },
];

function layeringConfigs() {
  const configs = [
    {
      files: ['src/engine/**/*.ts'],
      rules: { '@typescript-eslint/no-restricted-imports': restrictImports(['engine-outside-domain'], [NODE_BUILTINS]) },
    },
    {
      files: ['src/risk/**/*.ts'],
      rules: { '@typescript-eslint/no-restricted-imports': restrictImports(['risk-outside-engine-domain'], [NODE_BUILTINS]) },
    },
    {
      files: ['src/gateway/**/*.ts', 'src/marketdata/**/*.ts'],
      rules: { '@typescript-eslint/no-restricted-imports': restrictImports(EDGE_GROUPS) },
    },
  ];
  for (const { file, allow } of LAYERING_EXCEPTIONS) {
    const groups = EDGE_GROUPS.filter((name) => !allow.includes(name));
    configs.push({ files: [file], rules: { '@typescript-eslint/no-restricted-imports': restrictImports(groups) } });
  }
  return configs;
}

// ---------------------------------------------------------------------------------------------
// Size: functions at most 70 lines, files at most 600, in src/ and sdk/ (not test/ or bench/).
// Blank lines and comments are not counted: a why-comment should never push code over a limit.
// ---------------------------------------------------------------------------------------------

const MAX_FUNCTION_LINES = 70;
const MAX_FILE_LINES = 600;
const SIZE_COUNTING = { skipBlankLines: true, skipComments: true };

/**
 * SHRINKING LIST: files over a limit today. Each entry is a ratchet at the size measured when it
 * was listed (lines without blanks and comments): the file may not grow past it. Only lower the
 * figures or remove entries, never raise one or add a file.
 * `file` = max-lines for the file; `fn` = max-lines-per-function for every function in the file.
 */
const SIZE_EXCEPTIONS = [
  // Hot path, kept whole on purpose: one class over typed-array columns whose placement, matching
  // and stop code alone is 642 counted lines, so getting under 600 means cutting the matching loop
  // across modules. The engine benchmark cannot show such a split is free: two runs of the same
  // build gave medians of 5.65M and 3.35M ops/s (workload 1) and 1.62M and 4.91M (workload 2).
  { file: 'src/engine/fast-order-book.ts', lines: 1004, reason: 'hot-path book kept whole (measured)' },
  // Being split (issue 14): the risk gate, edited in parallel (its functions are already under 70).
  { file: 'src/risk/risk-gate.ts', lines: 998, reason: 'being split (issue 14)' },
];

function sizeConfigs() {
  const configs = [
    {
      files: ['src/**/*.ts', 'sdk/**/*.ts'],
      rules: {
        'max-lines-per-function': ['error', { max: MAX_FUNCTION_LINES, ...SIZE_COUNTING }],
        'max-lines': ['error', { max: MAX_FILE_LINES, ...SIZE_COUNTING }],
      },
    },
  ];
  for (const { file, lines, fn } of SIZE_EXCEPTIONS) {
    const rules = {};
    if (lines !== undefined) rules['max-lines'] = ['error', { max: lines, ...SIZE_COUNTING }];
    if (fn !== undefined) rules['max-lines-per-function'] = ['error', { max: fn, ...SIZE_COUNTING }];
    configs.push({ files: [file], rules });
  }
  return configs;
}

export default tseslint.config(
  // src/protocol/pb/ is generated by `npm run proto:gen` (protobufjs-cli) and committed as generated;
  // any dist/ (the root one, sdk/dist) is build output, git-ignored.
  { ignores: ['dist/**', '**/dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'src/protocol/pb/**', 'sdk/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      // Numeric enums are used deliberately: commands and events are integers on the hot path.
      '@typescript-eslint/prefer-literal-enum-member': 'off',
      // `return this.reject(...)` ends a void command handler in one line; that is the idiom here.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
      'no-constant-condition': ['error', { checkLoops: false }],
      eqeqeq: ['error', 'always'],
    },
  },
  ...layeringConfigs(),
  ...sizeConfigs(),
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
