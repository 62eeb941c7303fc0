import { ucErrors } from '../../catalog/errors';
import { duckString } from '../duck';
import { strftimePattern } from './literals';

/**
 * Databricks built-in functions whose DuckDB spelling or semantics differ. Each gets the already-rewritten
 * argument SQL (and, for pattern arguments, the literal string when one was written). Anything not listed
 * passes through under its own name.
 */
type Builtin = (args: readonly string[], literal: readonly (string | undefined)[]) => string;

const arity = (name: string, args: readonly string[], min: number, max = min): void => {
  if (args.length < min || args.length > max) {
    throw ucErrors.invalidParameter(`[WRONG_NUM_ARGS] The \`${name}\` requires ${min === max ? min : `${min}-${max}`} parameters but the actual number is ${args.length}.`);
  }
};

const pattern = (name: string, literal: string | undefined): string => {
  if (literal === undefined) throw ucErrors.unsupported(`a non-literal format in ${name}()`);
  return duckString(strftimePattern(literal));
};

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  nvl: (a) => `coalesce(${a.join(', ')})`,
  nvl2: (a) => (arity('nvl2', a, 3), `CASE WHEN (${a[0]}) IS NOT NULL THEN ${a[1]} ELSE ${a[2]} END`),
  sha2: (a) => {
    arity('sha2', a, 2);
    if (!['256', '0'].includes(a[1]!.trim())) throw ucErrors.unsupported(`sha2 with ${a[1]} bits in the sandbox`);
    return `sha256(CAST(${a[0]} AS VARCHAR))`;
  },
  sha: (a) => `sha1(CAST(${a[0]} AS VARCHAR))`,
  sha1: (a) => `sha1(CAST(${a[0]} AS VARCHAR))`,
  md5: (a) => `md5(CAST(${a[0]} AS VARCHAR))`,
  regexp_replace: (a) => (arity('regexp_replace', a, 3, 4), `regexp_replace(${a[0]}, ${a[1]}, ${a[2]}, 'g')`),
  rlike: (a) => `regexp_matches(${a[0]}, ${a[1]})`,
  regexp_like: (a) => `regexp_matches(${a[0]}, ${a[1]})`,
  split: (a) => `str_split_regex(${a[0]}, ${a[1]})`,
  size: (a) => `coalesce(len(${a[0]}), -1)`,
  cardinality: (a) => `len(${a[0]})`,
  array: (a) => `list_value(${a.join(', ')})`,
  array_contains: (a) => `list_contains(${a[0]}, ${a[1]})`,
  // array_compact(array) drops the NULL elements (docs.databricks.com/sql/language-manual/functions/array_compact).
  array_compact: (a) => (arity('array_compact', a, 1), `list_filter(${a[0]}, x -> x IS NOT NULL)`),
  array_join: (a) => `array_to_string(${a[0]}, ${a[1]})`,
  element_at: (a) => `${a[0]}[${a[1]}]`,
  collect_list: (a) => `list(${a[0]})`,
  collect_set: (a) => `list(DISTINCT ${a[0]})`,
  explode: (a) => `unnest(${a[0]})`,
  sequence: (a) => `generate_series(${a.join(', ')})`,
  named_struct: (a, lit) => {
    const fields: string[] = [];
    for (let i = 0; i + 1 < a.length; i += 2) {
      const name = lit[i];
      if (name === undefined) throw ucErrors.unsupported('named_struct with computed field names');
      fields.push(`${duckString(name)}: ${a[i + 1]}`);
    }
    return `{${fields.join(', ')}}`;
  },
  map: (a) => {
    const keys: string[] = [];
    const values: string[] = [];
    for (let i = 0; i + 1 < a.length; i += 2) {
      keys.push(a[i]!);
      values.push(a[i + 1]!);
    }
    return `map([${keys.join(', ')}], [${values.join(', ')}])`;
  },
  date_format: (a, lit) => `strftime(${a[0]}, ${pattern('date_format', lit[1])})`,
  to_date: (a, lit) => (a.length === 1 ? `CAST(${a[0]} AS DATE)` : `CAST(strptime(${a[0]}, ${pattern('to_date', lit[1])}) AS DATE)`),
  to_timestamp: (a, lit) => (a.length === 1 ? `CAST(${a[0]} AS TIMESTAMP)` : `strptime(${a[0]}, ${pattern('to_timestamp', lit[1])})`),
  date_add: (a) => `CAST(CAST(${a[0]} AS DATE) + to_days(CAST(${a[1]} AS INTEGER)) AS DATE)`,
  date_sub: (a) => `CAST(CAST(${a[0]} AS DATE) - to_days(CAST(${a[1]} AS INTEGER)) AS DATE)`,
  add_months: (a) => `CAST(CAST(${a[0]} AS DATE) + to_months(CAST(${a[1]} AS INTEGER)) AS DATE)`,
  datediff: (a) => `date_diff('day', CAST(${a[1]} AS DATE), CAST(${a[0]} AS DATE))`,
  // Spark's dayofweek counts Sunday as 1.
  dayofweek: (a) => `(dayofweek(${a[0]}) + 1)`,
  unix_timestamp: (a) => (a.length === 0 ? 'CAST(epoch(now()) AS BIGINT)' : `CAST(epoch(CAST(${a[0]} AS TIMESTAMP)) AS BIGINT)`),
  // Milliseconds since the epoch (https://docs.databricks.com/sql/language-manual/functions/unix_millis.html).
  unix_millis: (a) => (arity('unix_millis', a, 1), `epoch_ms(CAST(${a[0]} AS TIMESTAMP))`),
  from_unixtime: (a) => `strftime(to_timestamp(${a[0]}), '%Y-%m-%d %H:%M:%S')`,
  current_date: () => 'current_date',
  current_timestamp: () => 'CAST(current_timestamp AS TIMESTAMP)',
  now: () => 'CAST(now() AS TIMESTAMP)',
  rand: (a) => (a.length === 0 ? 'random()' : 'random()'),
  random: () => 'random()',
  base64: (a) => `to_base64(CAST(${a[0]} AS BLOB))`,
  unbase64: (a) => `from_base64(${a[0]})`,
  startswith: (a) => `starts_with(${a[0]}, ${a[1]})`,
  endswith: (a) => `ends_with(${a[0]}, ${a[1]})`,
  isnull: (a) => `((${a[0]}) IS NULL)`,
  isnotnull: (a) => `((${a[0]}) IS NOT NULL)`,
  char_length: (a) => `length(${a[0]})`,
  character_length: (a) => `length(${a[0]})`,
  initcap: (a) => `(upper(left(${a[0]}, 1)) || lower(substr(${a[0]}, 2)))`,
  // Databricks mask(): upper-case letters → X, lower-case → x, digits → n.
  mask: (a, lit) => {
    const rep = (i: number, d: string) => (a[i] === undefined ? duckString(d) : lit[i] === undefined ? a[i]! : duckString(lit[i]!));
    return `regexp_replace(regexp_replace(regexp_replace(${a[0]}, '[A-Z]', ${rep(1, 'X')}, 'g'), '[a-z]', ${rep(2, 'x')}, 'g'), '[0-9]', ${rep(3, 'n')}, 'g')`;
  },
  uuid: () => 'CAST(uuid() AS VARCHAR)',
  typeof: (a) => `lower(typeof(${a[0]}))`,
  approx_count_distinct: (a) => `approx_count_distinct(${a[0]})`,
  pmod: (a) => `(((${a[0]}) % (${a[1]}) + (${a[1]})) % (${a[1]}))`,
  ifnull: (a) => `coalesce(${a.join(', ')})`,
  decode: (a) => `decode(${a[0]})`,
  to_json: (a) => `CAST(to_json(${a[0]}) AS VARCHAR)`,
};
