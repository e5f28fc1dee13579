/**
 * The `filter` string of Tend's MLflow-compatible registry search endpoints
 * (`registered-models/search`, `model-versions/search`): parsing it into clauses, and testing
 * a registry row against them in memory.
 *
 * What is accepted follows MLflow's own server, so that a filter an MLflow client already sends
 * means the same here, and one MLflow would refuse is refused here with a message in the same
 * spirit (MLflow answers such filters with INVALID_PARAMETER_VALUE):
 * - keys, prefixes and value kinds as in `SearchModelUtils` and `SearchModelVersionUtils` of
 *   MLflow's `mlflow/utils/search_utils.py`: registered models know `name` and `tags.<key>`;
 *   model versions also know `run_id`, `source_path` and the numeric `version_number`; a
 *   prefix is `attribute.`, `tag.` or `tags.`; a tag key may sit in backticks or quotes; values
 *   sit in single or double quotes; a parenthesised list only goes with `run_id IN (…)`;
 * - comparators per key as the registry's SQL store checks them
 *   (`_get_search_registered_model_filter_query`, `_get_search_model_versions_filter_clauses`
 *   in `mlflow/store/model_registry/sqlalchemy_store.py`): `=`, `!=`, `LIKE`, `ILIKE` for
 *   strings and tags, `IN` for `run_id` only, `= != < <= > >=` for `version_number`;
 * - conditions join with AND only (no OR, no parentheses), keywords in any letter case.
 * Where MLflow's in-memory matching turns a LIKE pattern into a regular expression unescaped,
 * Tend treats every character but `%` and `_` literally, as SQL does.
 */

/** Which search endpoint a filter belongs to. */
export type FilterTarget = 'registered_model' | 'model_version';

/** A comparator as it appears in a parsed clause (keywords upper-cased). */
export type Comparator = '=' | '!=' | 'LIKE' | 'ILIKE' | '<' | '<=' | '>' | '>=' | 'IN';

/** One `key comparator value` condition; a filter is the AND of its clauses. */
export interface FilterClause {
  key: string;
  kind: 'attribute' | 'tag';
  comparator: Comparator;
  value: string | number | string[];
}

/**
 * A filter Tend cannot accept. `position` is the 0-based offset in the filter string of the
 * offending token; `errorCode` is the code MLflow clients expect for a bad filter.
 *
 * @example
 * new SearchFilterError(5, "unknown key 'foo'").message; // "unknown key 'foo' (at position 5)"
 */
export class SearchFilterError extends Error {
  override readonly name = 'SearchFilterError';
  readonly errorCode = 'INVALID_PARAMETER_VALUE';
  constructor(
    readonly position: number,
    readonly detail: string,
  ) {
    super(`${detail} (at position ${position})`);
  }
}

const STRING_COMPARATORS: readonly Comparator[] = ['=', '!=', 'LIKE', 'ILIKE'];
const NUMERIC_COMPARATORS: readonly Comparator[] = ['=', '!=', '<', '<=', '>', '>='];

// A Map rather than an object literal, so that a key such as `constructor` is unknown.
const ATTRIBUTES: Record<FilterTarget, Map<string, readonly Comparator[]>> = {
  registered_model: new Map([['name', STRING_COMPARATORS]]),
  model_version: new Map([
    ['name', STRING_COMPARATORS],
    ['run_id', [...STRING_COMPARATORS, 'IN']],
    ['source_path', STRING_COMPARATORS],
    ['version_number', NUMERIC_COMPARATORS],
  ]),
};
const NUMERIC_KEYS = new Set(['version_number']);
const TARGET_LABEL: Record<FilterTarget, string> = {
  registered_model: 'registered model',
  model_version: 'model version',
};

const WORD = /[A-Za-z0-9_]+/y;
const NUMBER = /-?\d+(?:\.\d+)?(?![\w.])/y;
const NUMERIC_TEXT = /^\s*-?\d+(?:\.\d+)?\s*$/;
const DOTTED_WORD = /[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*/y;
const SYMBOL = /!=|<>|==|<=|>=|=|<|>/y;
const QUOTES = new Set(["'", '"', '`']);

/** A cursor over the filter text; every failure reports where the cursor stood. */
class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }
  peek(): string {
    return this.text.charAt(this.pos);
  }
  skipSpace(): void {
    while (!this.atEnd() && /\s/.test(this.peek())) this.pos++;
  }
  match(re: RegExp): string | undefined {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }
  /** The token starting at `at`, quoted, for messages. */
  describe(at: number): string {
    const rest = this.text.slice(at).match(/^\S+/);
    if (!rest) return 'the end of the filter';
    return `'${rest[0].length > 24 ? `${rest[0].slice(0, 24)}…` : rest[0]}'`;
  }
  fail(detail: string, at = this.pos): never {
    throw new SearchFilterError(at, detail);
  }
  /** A quoted run; a doubled quote inside it stands for the quote itself, as in SQL. */
  quoted(): string {
    const at = this.pos;
    const quote = this.peek();
    let out = '';
    for (this.pos++; !this.atEnd(); this.pos++) {
      const c = this.peek();
      if (c !== quote) {
        out += c;
      } else if (this.text.charAt(this.pos + 1) === quote) {
        out += c;
        this.pos++;
      } else {
        this.pos++;
        return out;
      }
    }
    return this.fail(`unterminated ${quote} quote`, at);
  }
}

/**
 * Parse an MLflow registry search filter into clauses; an empty or absent filter gives `[]`.
 * Throws `SearchFilterError` naming the offending token and its position.
 *
 * @example
 * parseSearchFilter("name LIKE 'churn%' and tags.`team` = 'risk'", 'registered_model'); // [{ key: 'name', kind: 'attribute', comparator: 'LIKE', value: 'churn%' }, { key: 'team', kind: 'tag', comparator: '=', value: 'risk' }]
 */
export function parseSearchFilter(
  filter: string | undefined,
  target: FilterTarget,
): FilterClause[] {
  if (filter === undefined || filter.trim() === '') return [];
  const s = new Scanner(filter);
  const clauses: FilterClause[] = [];
  for (;;) {
    s.skipSpace();
    clauses.push(parseClause(s, target));
    s.skipSpace();
    if (s.atEnd()) return clauses;
    const at = s.pos;
    const joiner = s.match(WORD)?.toUpperCase();
    if (joiner === 'OR') s.fail('OR is not supported; conditions can only be joined with AND', at);
    if (joiner !== 'AND') {
      s.fail(`unexpected ${s.describe(at)} after a condition; expected AND or the end`, at);
    }
    s.skipSpace();
    if (s.atEnd()) s.fail('expected a condition after AND');
  }
}

function parseClause(s: Scanner, target: FilterTarget): FilterClause {
  const { key, kind } = parseKey(s, target);
  const label = kind === 'tag' ? `tag '${key}'` : `'${key}'`;
  const allowed = kind === 'tag' ? STRING_COMPARATORS : ATTRIBUTES[target].get(key)!;
  s.skipSpace();
  const comparatorAt = s.pos;
  const comparator = parseComparator(s);
  if (!allowed.includes(comparator)) {
    s.fail(
      `comparator ${comparator} cannot be used with ${label}; use one of ${allowed.join(', ')}`,
      comparatorAt,
    );
  }
  s.skipSpace();
  const valueAt = s.pos;
  const value = parseValue(s, comparator);
  if (NUMERIC_KEYS.has(key) && kind === 'attribute') {
    // MLflow compares a quoted version number as a number too, so '3' is as good as 3.
    const n = typeof value === 'string' && NUMERIC_TEXT.test(value) ? Number(value) : value;
    if (typeof n !== 'number') s.fail(`${label} compares with a number, not '${value}'`, valueAt);
    return { key, kind, comparator, value: n };
  }
  if (typeof value === 'number') {
    s.fail(`${label} compares with a quoted string; put ${value} in quotes`, valueAt);
  }
  return { key, kind, comparator, value };
}

function parseKey(s: Scanner, target: FilterTarget): Pick<FilterClause, 'key' | 'kind'> {
  const at = s.pos;
  let prefix: string | undefined;
  let name: string | undefined;
  if (QUOTES.has(s.peek())) name = s.quoted();
  else {
    const first = s.match(WORD);
    if (first === undefined)
      s.fail(`expected a key such as name or tags.<key>, found ${s.describe(at)}`, at);
    if (s.peek() !== '.') name = first;
    else {
      prefix = first;
      s.pos++;
      if (QUOTES.has(s.peek())) name = s.quoted();
      else {
        // Unquoted tag keys may themselves hold dots (tags.mlflow.source.type).
        name = s.match(DOTTED_WORD);
        if (name === undefined)
          s.fail(`expected a key after '${prefix}.'; quote keys with spaces in backticks`);
      }
    }
  }
  if (name === '') s.fail('empty key', at);
  if (prefix === 'tag' || prefix === 'tags') return { key: name, kind: 'tag' };
  if (prefix !== undefined && prefix !== 'attribute') {
    s.fail(`unknown prefix '${prefix}'; use tags.<key> for a tag or a bare attribute name`, at);
  }
  if (!ATTRIBUTES[target].has(name)) {
    const known = [...ATTRIBUTES[target].keys(), 'tags.<key>'].join(', ');
    s.fail(`unknown key '${name}' for ${TARGET_LABEL[target]} search; known keys: ${known}`, at);
  }
  return { key: name, kind: 'attribute' };
}

function parseComparator(s: Scanner): Comparator {
  const at = s.pos;
  const symbol = s.match(SYMBOL);
  if (symbol === '<>') s.fail("comparator '<>' is not supported; use !=", at);
  if (symbol === '==') s.fail("comparator '==' is not supported; use =", at);
  if (symbol !== undefined) return symbol as Comparator;
  const word = s.match(WORD)?.toUpperCase();
  if (word === 'LIKE' || word === 'ILIKE' || word === 'IN') return word;
  if (word === 'NOT') s.fail('NOT is not supported; use != for strings', at);
  return s.fail(
    `expected a comparator (=, !=, LIKE, ILIKE, <, >, IN), found ${s.describe(at)}`,
    at,
  );
}

function parseValue(s: Scanner, comparator: Comparator): string | number | string[] {
  const at = s.pos;
  const c = s.peek();
  if (comparator === 'IN') {
    if (c !== '(')
      s.fail(`IN takes a parenthesised list such as ('a', 'b'), found ${s.describe(at)}`, at);
    s.pos++;
    const list: string[] = [];
    for (;;) {
      s.skipSpace();
      if (s.peek() !== "'" && s.peek() !== '"') {
        s.fail(
          list.length === 0 && s.peek() === ')'
            ? 'the IN list is empty'
            : `IN list values must be in quotes, found ${s.describe(s.pos)}`,
        );
      }
      list.push(s.quoted());
      s.skipSpace();
      if (s.peek() === ')') {
        s.pos++;
        return list;
      }
      if (s.peek() !== ',')
        s.fail(`expected ',' or ')' in the IN list, found ${s.describe(s.pos)}`);
      s.pos++;
    }
  }
  if (c === '(') s.fail('a list of values only goes with IN, which only run_id supports', at);
  if (c === "'" || c === '"') return s.quoted();
  const number = s.match(NUMBER);
  if (number !== undefined) return Number(number);
  return s.fail(`expected a value in single or double quotes, found ${s.describe(at)}`, at);
}

/**
 * Whether a registry row satisfies every clause. A row lacking the tag or attribute a clause
 * names never matches it, not even under `!=`; LIKE is case-sensitive, ILIKE is not.
 *
 * @example
 * matchesFilter(parseSearchFilter("tags.team = 'risk'", 'registered_model'), { attributes: { name: 'churn' }, tags: { team: 'risk' } }); // true
 */
export function matchesFilter(
  clauses: FilterClause[],
  row: { attributes: Record<string, string | number | undefined>; tags: Record<string, string> },
): boolean {
  return clauses.every((clause) => {
    const source: Record<string, string | number | undefined> =
      clause.kind === 'tag' ? row.tags : row.attributes;
    const actual = Object.hasOwn(source, clause.key) ? source[clause.key] : undefined;
    if (actual === undefined || actual === null) return false;
    const { comparator, value } = clause;
    if (Array.isArray(value)) return comparator === 'IN' && value.includes(String(actual));
    if (typeof value === 'number') {
      const n = typeof actual === 'number' ? actual : actual.trim() === '' ? Number.NaN : +actual;
      return !Number.isNaN(n) && compare(n, value, comparator);
    }
    if (comparator === 'LIKE' || comparator === 'ILIKE') {
      return cachedLike(value, comparator === 'ILIKE').test(String(actual));
    }
    return compare(String(actual), value, comparator);
  });
}

const COMPARE: Partial<Record<Comparator, (a: string | number, b: string | number) => boolean>> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

function compare(a: string | number, b: string | number, comparator: Comparator): boolean {
  return COMPARE[comparator]?.(a, b) ?? false;
}

// A search tests the same few patterns against every row, so compiled patterns are reused.
const likeCache = new Map<string, RegExp>();
function cachedLike(pattern: string, caseInsensitive: boolean): RegExp {
  const cacheKey = `${caseInsensitive ? 'i' : 'c'}${pattern}`;
  let re = likeCache.get(cacheKey);
  if (re === undefined) {
    if (likeCache.size >= 256) likeCache.clear();
    re = likeToRegExp(pattern, caseInsensitive);
    likeCache.set(cacheKey, re);
  }
  return re;
}

/**
 * A SQL LIKE pattern as an anchored regular expression: `%` matches any run of characters
 * (none included), `_` exactly one, every other character only itself. Built so that matching
 * takes time proportional to text × pattern length, whatever a client sends.
 *
 * @example
 * likeToRegExp('a.b%', false).test('axbc'); // false
 */
export function likeToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  const segments = pattern
    .split('%')
    .map((segment) =>
      Array.from(segment, (ch) =>
        ch === '_' ? '.' : ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'),
      ).join(''),
    );
  const flags = caseInsensitive ? 'isu' : 'su';
  if (segments.length === 1) return new RegExp(`^${segments[0]}$`, flags);
  // Each middle segment is matched at its first occurrence inside a lookahead, which the engine
  // never re-enters: a plain `.*a.*a.*b` backtracks through every split of the text and can
  // stall the server for seconds on a few hundred characters. A segment has a fixed length,
  // so its first occurrence always leaves the most room for the rest of the pattern.
  let source = `^${segments[0]}`;
  let group = 0;
  for (const segment of segments.slice(1, -1)) {
    if (segment !== '') source += `(?=(.*?${segment}))\\${++group}`;
  }
  return new RegExp(`${source}.*${segments[segments.length - 1]}$`, flags);
}
