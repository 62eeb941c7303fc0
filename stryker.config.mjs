// @ts-check
/**
 * Mutation testing (`npm run mutation`, not part of `npm test`): StrykerJS changes the code that guards users —
 * SQL quoting, the integration planner, the gateway, redaction, OAuth, the vault, the apply engine, the step-3 policy
 * compiler — one small bug
 * at a time, and checks that a test fails on each.
 *
 * To extend the scope, add a folder to MUTATION_SCOPE: its sources are mutated and its `*.test.ts` files join the run (vitest.mutation.config.ts reads the same list).
 *
 * Incremental: results are kept in reports/mutation/incremental.json (git-ignored) and reused for every mutant
 * whose code and covering tests did not change, so a rerun after a change tests only what the change touched.
 * The file is not committed: it is a cache of one checkout's results, rewritten by every run, that would conflict
 * on every merge while several people change this code; a clean clone's first run is a full one. Pass `--force`
 * to ignore it.
 */
export const MUTATION_SCOPE = [
  'shared/sql',
  'shared/integration',
  'electron/gateway',
  'electron/logging',
  'electron/services/oauth',
  'electron/services/vault',
  'electron/services/integration/apply',
  'shared/policies',
];

/**
 * Mutants left alive on purpose, each with why (test/stryker-listed-ignorer.mjs matches `code`, the exact source
 * of an expression or statement in `file`, and ignores every mutant inside it).
 * @type {readonly { readonly file: string; readonly code: string; readonly prefix?: boolean; readonly reason: string }[]}
 */
export const IGNORED_MUTANTS = [
  {
    file: 'electron/services/vault/token-source.ts',
    code: 't.expiresAt !== undefined',
    reason: 'equivalent: windowOf is only reached through fresh(), which returns before it when expiresAt is undefined',
  },
  {
    file: 'shared/sql/quote.ts',
    code: `!value.includes('\\\\') && !value.includes("'") && !hasUnsafeChar(value)`,
    reason: 'equivalent: the fast path for values needing no escape; the per-character walk writes the same text for such values',
  },
  {
    file: 'shared/sql/unquote.ts',
    code: '/^[0-9a-fA-F]{4}$/',
    reason: 'equivalent: it tests a slice of at most 4 characters, so dropping ^ or $ accepts the same strings',
  },
  {
    file: 'electron/logging/logger.ts',
    code: '[]',
    reason: 'equivalent: a non-function put in the sink set only throws inside the per-sink try/catch, which skips it',
  },
  {
    file: 'electron/logging/app-logger.ts',
    code: '[]',
    reason: 'equivalent: a non-function in the sink list only throws inside the logger\'s per-sink try/catch, which skips it',
  },
  {
    file: 'electron/logging/ring-sink.ts',
    code: 'ring.length < capacity',
    reason: 'equivalent: until the ring is full `next` equals its length, so ring[next] = entry is a push and the rotated copy is the ring itself',
  },
  {
    file: 'electron/logging/redact-text.ts',
    code: "''",
    reason: "equivalent: KEY_VALUE always captures one of the four value groups, so `?? ''` is never reached (the other '' is in a static Set, not mutated)",
  },
  {
    file: 'electron/logging/redact-value.ts',
    code: "'undefined'",
    reason: "equivalent: without the case, undefined falls out of the switch and walk returns the same undefined",
  },
  {
    file: 'electron/logging/file-sink.ts',
    code: 'keep - 1',
    reason: 'equivalent: starting higher only adds renames of .<keep> (just removed) and of files past it, which this sink never writes',
  },
  {
    file: 'electron/logging/file-sink.ts',
    code: 'pending.length === 1',
    reason: 'equivalent as `true` (an extra drain finds nothing pending: batching only saves work); a line written without flush() is tested in file-sink.test.ts',
  },
  {
    file: 'shared/sql/quote.ts',
    code: "ch < ' '",
    reason: "equivalent: `<=` adds only the space, which `ch === ' '` before it already catches",
  },
  {
    file: 'shared/sql/quote.ts',
    code: "badChar < ' '",
    reason: "equivalent: `<=` adds only the space, which the `badChar === ' '` branch before it takes",
  },
  {
    file: 'shared/sql/unquote.ts',
    code: "body.replaceAll('``', '')",
    reason: 'equivalent for the replacement text: anything without a backtick in place of the doubled ones gives the same check',
  },
  {
    file: 'shared/sql/unquote.ts',
    code: 'next === undefined',
    reason: 'equivalent: the loop stops before the closing quote, so a backslash always has a next character (the check narrows the type)',
  },
  {
    file: 'shared/sql/display-sql.ts',
    code: 'i < sql.length',
    reason: 'equivalent as `<=`: one step past the end reads undefined, which matches no quote or dash',
  },
  {
    file: 'shared/sql/display-sql.ts',
    code: 'j < sql.length',
    reason: 'equivalent as `<=`: one step past the end reads undefined, and Math.min clamps the end back to the length',
  },
  {
    file: 'shared/sql/privilege-rows.ts',
    code: 'r.objectType !== null',
    reason: 'equivalent: null is in no OWN_TYPES list, so includes() refuses it anyway (the check narrows the type)',
  },
  {
    file: 'electron/services/integration/apply/run-plan.ts',
    code: 'o.signal?.reason',
    reason: 'equivalent as `o.signal.reason`: onAbort is only ever registered on the caller\'s signal, so it exists there',
  },
  {
    file: 'electron/services/integration/apply/run-plan.ts',
    code: '{ once: true }',
    reason: 'equivalent: a signal fires abort at most once, and the listener is removed when the run ends (tested)',
  },
  {
    file: 'electron/services/integration/apply/run-plan.ts',
    code: 'o.onStep?.(event)',
    reason: 'equivalent as a plain call: without a listener it throws a TypeError inside the try/catch that already swallows listener errors',
  },
  {
    file: 'electron/services/integration/apply/run-plan.ts',
    code: 'o.onProgress?.(ran + skipped, total, label)',
    reason: 'equivalent as a plain call: without a listener it throws a TypeError inside the try/catch that already swallows listener errors',
  },
  {
    file: 'electron/services/integration/apply/run-plan.ts',
    code: 'ready.size === 0 || controller.signal.aborted',
    reason: 'equivalent as `true`: the loop before it leaves a ready step unstarted only when a slot is busy (active > 0) or the run was cancelled',
  },
  {
    file: 'electron/services/integration/apply/run-plan.ts',
    code: "'unexpected error'",
    reason: 'unreachable: withRetry retries only AppFailures (isRetryable), so onRetry never sees another error',
  },
  {
    file: 'electron/services/integration/apply/session-pool.ts',
    code: '{ once: true }',
    reason: 'equivalent: a signal fires abort at most once, and a served waiter removes the listener (tested)',
  },
  {
    file: 'electron/services/integration/apply/plan-journal.ts',
    code: 'let segmentKeys: string[] = [];',
    reason: 'equivalent: open() sets the list before any write, and record() refuses to write before open() (tested)',
  },
  {
    file: 'electron/services/integration/apply/ready-queue.ts',
    code: 'i > 0',
    reason: 'equivalent as `>=`: at the root the parent index is -1, and before() is false against a missing element, so the loop stops the same',
  },
  {
    file: 'electron/services/integration/apply/ready-queue.ts',
    code: 'last === undefined',
    reason: 'equivalent as `false`: pop() returns undefined only from an empty heap, where h.length === 0 already returns',
  },
  {
    file: 'electron/services/integration/apply/ready-queue.ts',
    code: 'l < h.length',
    reason: 'equivalent as `<=` or `true`: a child index past the end reads undefined, whose priority is undefined, and before() is false for it',
  },
  {
    file: 'electron/services/integration/apply/ready-queue.ts',
    code: 'r < h.length',
    reason: 'equivalent as `<=` or `true`: a child index past the end reads undefined, whose priority is undefined, and before() is false for it',
  },
  {
    file: 'electron/services/integration/apply/ready-queue.ts',
    code: 'pa > pb',
    reason: 'equivalent as `>=`: only reached when pa !== pb',
  },
  {
    file: 'electron/services/integration/apply/ready-queue.ts',
    code: 'a < b',
    reason: 'equivalent as `<=`: the heap never holds the same step twice (each is pushed once), so a !== b',
  },
  {
    file: 'shared/integration/config.ts',
    code: "ch < ' '",
    reason: "equivalent as `<=`: it adds only the space, which the URL pattern's \\S+ before it refuses with the same message",
  },
  {
    file: 'shared/integration/verify.ts',
    code: 'default:\n      return assertNever(action);',
    reason: 'unreachable: the switch covers every StepAction (TypeScript checks it through assertNever)',
  },
  {
    file: 'shared/integration/step-actions.ts',
    code: 'default:\n      return assertNever(check);',
    reason: 'unreachable: the switch covers every StepCheck kind (TypeScript checks it through assertNever)',
  },
  {
    file: 'shared/integration/sha256.ts',
    code: 'i < w.length',
    reason: 'equivalent as `<=`: the extra write to w[64] is past the end of the 64-entry Uint32Array, which ignores it',
  },
  {
    file: 'shared/integration/sha256.ts',
    code: 'Math.floor(bits / 0x1_0000_0000)',
    reason: 'equivalent below 512 MiB of text (the high word of the bit length is 0): `bits * 2^32` is a multiple of 2^32, which setUint32 also writes as 0',
  },
  {
    file: 'shared/integration/planner.ts',
    code: 'schema !== undefined',
    reason: 'equivalent as `true`: systemSchemaStepId(undefined) is `system-schema:undefined`, the id of no enabling step',
  },
  {
    file: 'electron/services/vault/secret-vault.ts',
    code: "typeof x === 'object'",
    reason: 'equivalent as `true`: `x !== null` follows, and any other JSON value has no `v` property equal to 1',
  },
  {
    file: 'electron/services/vault/keychain-probe.ts',
    code: "'ucbridge keychain probe'",
    reason: 'equivalent for any cipher that round-trips text: the probe compares what it decrypts with what it encrypted, whatever the text',
  },
  {
    file: 'electron/services/oauth/discovery.ts',
    code: "'GET'",
    reason: 'equivalent here: undici sends a request with an empty method as GET (the test server answers any other method 405, and the mutant passed it)',
  },
  {
    file: 'electron/services/oauth/u2m-flow.ts',
    code: "'INTERNAL'",
    reason: 'not observable: the browser\'s result page shows the failure\'s message (tested), never its code',
  },
  {
    file: 'electron/services/oauth/token-client.ts',
    code: 'res.serverDate === undefined',
    reason: 'equivalent as `false`: without a Date, undefined - now is NaN, and a NaN skew is never beyond the limit',
  },
  {
    file: 'electron/services/oauth/oauth-errors.ts',
    code: 'skewMs !== undefined',
    reason: 'equivalent as `true`: Math.abs(undefined) is NaN, never beyond the limit',
  },
  {
    file: 'electron/services/oauth/id-token.ts',
    code: "typeof claims.exp === 'number'",
    reason: 'equivalent as `true`: a missing or non-number exp times 1000 is NaN, never before now',
  },
  {
    file: 'electron/services/oauth/jwt-claims.ts',
    code: "typeof exp === 'number'",
    reason: 'equivalent as `true`: Number.isFinite is false for anything that is not a number',
  },
  {
    file: 'electron/services/oauth/jwt-claims.ts',
    code: "''",
    reason: "unreachable: each `?? ''` reads a part of a token looksLikeJwt has already split into exactly three",
  },
  {
    file: 'electron/services/oauth/subject-token.ts',
    code: 'exp !== undefined',
    reason: 'equivalent as `true`: undefined <= now is false',
  },
  {
    file: 'electron/services/oauth/subject-token.ts',
    code: "'unreadable'",
    reason: 'unreachable from a test: stat and readFile fail only with errno errors, which carry a code',
  },
  {
    file: 'electron/services/oauth/u2m-flow.ts',
    code: "o.context.host ?? ''",
    reason: 'not observable: the only failure given this host (code-rejected) names no host in its text',
  },
  {
    file: 'electron/services/oauth/loopback-listener.ts',
    code: 'let servers: readonly Server[] = [];',
    reason: 'equivalent: nothing reads the list before the bind sets it (timeout and cancel are set up after)',
  },
  {
    file: 'electron/services/oauth/loopback-listener.ts',
    code: '!closing',
    reason: 'equivalent as `true`: closing again aborts an aborted signal and closes closed servers, whose close() calls back anyway',
  },
  {
    file: 'electron/services/oauth/loopback-listener.ts',
    code: '{ once: true }',
    reason: 'equivalent: a signal fires abort at most once',
  },
  {
    file: 'electron/services/oauth/loopback-listener.ts',
    code: "options.signal?.removeEventListener('abort', onAbort)",
    reason: 'equivalent: a listener left on the signal only calls finish(), which returns once there is an outcome (there is by then)',
  },
  {
    file: 'electron/services/oauth/loopback-bind.ts',
    code: "server.off('error', onError)",
    reason: 'not observable from a test without failing a listening server: once bound, the leftover listener would only resolve a settled promise',
  },
  {
    file: 'shared/policies/compile.ts',
    code: 'seen.has(d.id)',
    reason: 'unreachable: targets merge masks, filters and grants per object (the policy file lower-cases names) and policy names are unique, so no two drafts share an id',
  },
  {
    file: 'shared/policies/names.ts',
    code: '/[^a-z0-9_]+/g',
    reason: 'equivalent without `+`: the next replace collapses the run of underscores it leaves',
  },
  {
    file: 'shared/policies/targets.ts',
    code: 'principal.toLowerCase()',
    reason: 'equivalent as toUpperCase(): it only folds letter case in the key that merges grants to one principal',
  },
  {
    file: 'shared/policies/dotted-name.ts',
    code: 'i >= text.length',
    reason: 'equivalent as `>`: at the end text[i] is undefined, so the walk steps once more and returns the same "not closed" problem',
  },
  {
    file: 'shared/policies/mark.ts',
    code: 'a.length === b.length',
    reason: 'equivalent: every caller compares names of one kind of securable (checked just before) or two function names, which have the same number of parts',
  },
  {
    file: 'shared/policies/stale.ts',
    code: 'item.column?.toLowerCase',
    reason: 'equivalent: a mask record always carries its column (compile-steps.ts writes it); `?.` only narrows the optional schema field',
  },
  {
    file: 'shared/policies/stale.ts',
    code: 'item.principal?.toLowerCase',
    reason: 'equivalent: a grant record always carries its principal (compile-steps.ts writes it); `?.` only narrows the optional schema field',
  },
  {
    file: 'shared/policies/stale.ts',
    code: 'item.privileges?.includes',
    reason: 'equivalent: a grant record always carries its privileges (compile.ts keeps a grant only with some); `?.` only narrows the optional schema field',
  },
  {
    file: 'shared/policies/policy-model.ts',
    code: "'custom'",
    reason: "equivalent: zod keeps a custom issue's message whatever its code, and policy-file.ts reads only each issue's path and message",
  },
  {
    file: 'shared/policies/policy-model.ts',
    code: "what === 'column'",
    reason: 'equivalent as `true`: only a column name has more than 3 parts (the part count is checked just before), so slice(0, 3) keeps every part of the others',
  },
  {
    file: 'shared/policies/policy-file.ts',
    code: '/received undefined$/',
    reason: "equivalent without `$`: zod's message for a missing field ends with it and no other message contains it",
  },
  {
    file: 'shared/policies/policy-file.ts',
    code: '/^Invalid input: expected (\\w+)/',
    reason: "equivalent without `^`: zod's type messages start with it and no other message contains it",
  },
  {
    file: 'shared/policies/policy-file.ts',
    code: "'unreadable'",
    reason: 'unreachable: JSON.parse and yaml throw Error objects',
  },
  {
    file: 'shared/policies/policy-file.ts',
    code: 'p.name.toLowerCase()',
    reason: 'equivalent as toUpperCase(): it only folds letter case in the key that finds a name used twice',
  },
  {
    file: 'shared/policies/limits.ts',
    code: 'obs?.abacPolicies ?? []',
    reason: 'equivalent: offline (obs null) any placeholder list has no policy on the securable, so the filter after it counts 0 either way',
  },
  {
    file: 'shared/policies/record.ts',
    code: 'z.object({',
    prefix: true,
    reason: "static (module-level zod schemas, left out by ignoreStatic) but reported uncovered: only uninstall.test.ts loads the module, after Stryker's static coverage; that test pins what the record accepts and refuses",
  },
  {
    file: 'shared/policies/mark.ts',
    code: 'x.on === e.on',
    reason: 'equivalent: a CATALOG, SCHEMA or TABLE securable has 1, 2 or 3 parts, and sameParts after it compares the number of parts',
  },
  {
    file: 'shared/policies/policy-scripts.ts',
    code: "p.type === 'columnMask'",
    reason: 'equivalent as `true`: only a column mask has a tag (the `false` and `!==` forms are killed)',
  },
  {
    file: 'shared/policies/targets.ts',
    code: 'b !== a',
    reason: 'equivalent as `true`: for b === a the name comparison after it is false anyway',
  },
  {
    file: 'shared/policies/targets.ts',
    code: 'b.policy.name < a.policy.name',
    reason: 'equivalent as `<=`: policy names are unique (policy-file.ts refuses a name used twice), so two policies never compare equal',
  },
  {
    file: 'shared/policies/compile-steps.ts',
    code: "x.name === 'principal_attributes'",
    reason: "equivalent as `true` while principal_attributes is the first of integration-objects.ts's TABLES (compile-steps.test.ts pins the table the filter reads)",
  },
];

/** Files in the scope that are not product code. */
const NOT_PRODUCT = ['**/*.test.ts', '**/*.test-support.ts', '**/index.ts'];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // related: a mutant runs only the test files that import its file (module-level "static" mutants included).
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: [...MUTATION_SCOPE.map((dir) => `${dir}/*.ts`), ...NOT_PRODUCT.map((glob) => `!${glob}`)],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level values: 23 % of them) each need a fresh test environment and every related test:
  // 80 % of the run time, hours on two cores. They are left out of the score; the tables they would change (the
  // secret field names, the quoting escapes, the step kinds) are pinned by table-driven tests instead.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  tempDirName: 'reports/mutation/.stryker-tmp',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // 2 cores shared by everyone: one test process (run it under the heavy lock).
  concurrency: 1,
  // A mutant that loops forever (i++ → i--) times out and counts as detected; a short wait keeps that cheap.
  timeoutMS: 5_000,
  thresholds: { high: 90, low: 85, break: 85 },
  plugins: ['@stryker-mutator/vitest-runner', './test/stryker-listed-ignorer.mjs'],
  ignorers: ['listed'],
};
