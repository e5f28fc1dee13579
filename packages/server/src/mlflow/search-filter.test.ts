import { describe, expect, it } from 'vitest';
import {
  type FilterClause,
  type FilterTarget,
  likeToRegExp,
  matchesFilter,
  parseSearchFilter,
  SearchFilterError,
} from './search-filter.js';

const attr = (key: string, comparator: FilterClause['comparator'], value: FilterClause['value']) =>
  ({ key, kind: 'attribute', comparator, value }) satisfies FilterClause;
const tag = (key: string, comparator: FilterClause['comparator'], value: string) =>
  ({ key, kind: 'tag', comparator, value }) satisfies FilterClause;

describe('parseSearchFilter: valid filters', () => {
  const cases: [string, FilterTarget, string | undefined, FilterClause[]][] = [
    ['undefined', 'registered_model', undefined, []],
    ['empty', 'registered_model', '', []],
    ['blank', 'model_version', '   ', []],
    ['single quotes', 'registered_model', "name = 'churn'", [attr('name', '=', 'churn')]],
    ['double quotes', 'registered_model', 'name = "churn"', [attr('name', '=', 'churn')]],
    ['no spaces', 'registered_model', "name='churn'", [attr('name', '=', 'churn')]],
    ['extra spaces', 'registered_model', "  name   !=\t'x'  ", [attr('name', '!=', 'x')]],
    ['attribute prefix', 'registered_model', "attribute.name = 'a'", [attr('name', '=', 'a')]],
    ['LIKE', 'registered_model', "name LIKE 'churn%'", [attr('name', 'LIKE', 'churn%')]],
    ['lowercase like', 'registered_model', "name like 'c_rn'", [attr('name', 'LIKE', 'c_rn')]],
    ['ILIKE mixed case', 'registered_model', "name iLike '%X%'", [attr('name', 'ILIKE', '%X%')]],
    ['tags. prefix', 'registered_model', "tags.team = 'risk'", [tag('team', '=', 'risk')]],
    ['tag. prefix', 'registered_model', "tag.team != 'risk'", [tag('team', '!=', 'risk')]],
    ['backticked key', 'registered_model', "tags.`my key` = 'v'", [tag('my key', '=', 'v')]],
    ['double-quoted key', 'registered_model', 'tags."my-key" = \'v\'', [tag('my-key', '=', 'v')]],
    [
      'dotted key',
      'model_version',
      "tags.mlflow.source.type = 'NB'",
      [tag('mlflow.source.type', '=', 'NB')],
    ],
    ['backticked dotted', 'model_version', "tags.`a.b` LIKE 'x%'", [tag('a.b', 'LIKE', 'x%')]],
    [
      'value with spaces',
      'registered_model',
      "name = 'my model v2'",
      [attr('name', '=', 'my model v2')],
    ],
    ['other quote inside', 'registered_model', `name = "it's"`, [attr('name', '=', "it's")]],
    ['doubled quote', 'registered_model', "name = 'it''s'", [attr('name', '=', "it's")]],
    ['AND in a value', 'registered_model', "name = 'a AND b'", [attr('name', '=', 'a AND b')]],
    [
      'AND',
      'registered_model',
      "name LIKE 'churn%' AND tags.`team` = 'risk'",
      [attr('name', 'LIKE', 'churn%'), tag('team', '=', 'risk')],
    ],
    [
      'lowercase and',
      'model_version',
      "name = 'm' and run_id = 'abc'",
      [attr('name', '=', 'm'), attr('run_id', '=', 'abc')],
    ],
    [
      'source_path',
      'model_version',
      "source_path LIKE 's3://b/%'",
      [attr('source_path', 'LIKE', 's3://b/%')],
    ],
    ['run_id IN', 'model_version', "run_id IN ('a','b')", [attr('run_id', 'IN', ['a', 'b'])]],
    [
      'in lowercase',
      'model_version',
      'run_id in ( "a" , \'b\' )',
      [attr('run_id', 'IN', ['a', 'b'])],
    ],
    ['IN one value', 'model_version', "run_id IN ('a')", [attr('run_id', 'IN', ['a'])]],
    ['version_number =', 'model_version', 'version_number = 3', [attr('version_number', '=', 3)]],
    ['version_number >=', 'model_version', 'version_number>=2', [attr('version_number', '>=', 2)]],
    ['version_number <', 'model_version', 'version_number < 10', [attr('version_number', '<', 10)]],
    ['quoted version', 'model_version', "version_number != '4'", [attr('version_number', '!=', 4)]],
    [
      'three clauses',
      'model_version',
      "name = 'm' AND version_number > 1 AND tags.stage ILIKE 'prod'",
      [attr('name', '=', 'm'), attr('version_number', '>', 1), tag('stage', 'ILIKE', 'prod')],
    ],
  ];
  it.each(cases)('%s', (_label, target, filter, expected) => {
    expect(parseSearchFilter(filter, target)).toEqual(expected);
  });
});

describe('parseSearchFilter: refused filters', () => {
  const cases: [string, FilterTarget, string, RegExp, number][] = [
    ['OR', 'registered_model', "name = 'a' OR name = 'b'", /OR is not supported/, 11],
    ['lowercase or', 'registered_model', "name = 'a' or name = 'b'", /OR is not supported/, 11],
    ['unknown key', 'registered_model', "owner = 'x'", /unknown key 'owner'.*name, tags/, 0],
    ['model-version key on models', 'registered_model', "run_id = 'x'", /unknown key 'run_id'/, 0],
    ['unknown prefix', 'registered_model', "params.x = 'y'", /unknown prefix 'params'/, 0],
    ['case-sensitive key', 'model_version', "Name = 'x'", /unknown key 'Name'/, 0],
    ['prototype key', 'model_version', "constructor = 'x'", /unknown key 'constructor'/, 0],
    ['unterminated single', 'registered_model', "name = 'abc", /unterminated ' quote/, 7],
    ['unterminated double', 'registered_model', 'name = "abc', /unterminated " quote/, 7],
    ['unterminated backtick', 'registered_model', "tags.`abc = 'x'", /unterminated ` quote/, 5],
    [
      'unquoted value',
      'registered_model',
      'name = churn',
      /expected a value in single or double quotes, found 'churn'/,
      7,
    ],
    ['backticked value', 'registered_model', 'name = `churn`', /expected a value/, 7],
    ['trailing garbage', 'registered_model', "name = 'a' limit 5", /unexpected 'limit'/, 11],
    ['semicolon', 'registered_model', "name = 'a'; drop", /unexpected ';'/, 10],
    ['trailing AND', 'registered_model', "name = 'a' AND ", /condition after AND/, 15],
    ['leading AND', 'registered_model', "AND name = 'a'", /unknown key 'AND'/, 0],
    ['missing comparator', 'registered_model', "name 'a'", /expected a comparator/, 5],
    ['missing value', 'registered_model', 'name =', /found the end of the filter/, 6],
    ['== comparator', 'registered_model', "name == 'a'", /'==' is not supported/, 5],
    ['<> comparator', 'registered_model', "name <> 'a'", /'<>' is not supported/, 5],
    ['NOT IN', 'model_version', "run_id NOT IN ('a')", /NOT is not supported/, 7],
    [
      '< on a string',
      'registered_model',
      "name < 'b'",
      /comparator < cannot be used with 'name'/,
      5,
    ],
    ['> on a tag', 'model_version', "tags.x > '1'", /comparator > cannot be used with tag 'x'/, 7],
    ['LIKE on version', 'model_version', "version_number LIKE '1%'", /LIKE cannot be used/, 15],
    ['IN on name', 'model_version', "name IN ('a')", /IN cannot be used with 'name'/, 5],
    ['IN on tag', 'model_version', "tags.x IN ('a')", /IN cannot be used with tag 'x'/, 7],
    ['list without IN', 'model_version', "run_id = ('a')", /only goes with IN/, 9],
    ['IN without list', 'model_version', "run_id IN 'a'", /parenthesised list/, 10],
    ['empty IN list', 'model_version', 'run_id IN ()', /IN list is empty/, 11],
    [
      'unquoted IN item',
      'model_version',
      "run_id IN ('a', b)",
      /must be in quotes, found 'b\)'/,
      16,
    ],
    ['unclosed IN list', 'model_version', "run_id IN ('a'", /expected ',' or '\)'/, 14],
    ['number for a string', 'registered_model', 'name = 5', /quoted string; put 5 in quotes/, 7],
    ['number for a tag', 'model_version', 'tags.n = 5', /tag 'n' compares with a quoted string/, 9],
    [
      'text for version',
      'model_version',
      "version_number = 'latest'",
      /compares with a number/,
      17,
    ],
    ['parentheses', 'registered_model', "(name = 'a')", /expected a key/, 0],
    ['empty tag key', 'registered_model', "tags.`` = 'a'", /empty key/, 0],
    ['prefix without key', 'registered_model', "tags. = 'a'", /expected a key after 'tags\.'/, 5],
  ];
  it.each(cases)('%s', (_label, target, filter, message, position) => {
    let error: unknown;
    try {
      parseSearchFilter(filter, target);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SearchFilterError);
    const e = error as SearchFilterError;
    expect(e.message).toMatch(message);
    expect(e.position).toBe(position);
    expect(e.message).toContain(`(at position ${position})`);
    expect(e.errorCode).toBe('INVALID_PARAMETER_VALUE');
  });
});

describe('likeToRegExp', () => {
  const cases: [string, string, boolean, boolean][] = [
    ['churn%', 'churn-v2', false, true],
    ['churn%', 'xchurn', false, false],
    ['%churn', 'my-churn', false, true],
    ['%urn%', 'churn-v2', false, true],
    ['c_urn', 'churn', false, true],
    ['c_urn', 'chhurn', false, false],
    ['c_urn', 'curn', false, false],
    ['%', '', false, true],
    ['', '', false, true],
    ['', 'a', false, false],
    ['a.b%', 'a.bc', false, true],
    ['a.b%', 'axbc', false, false],
    ['a+b', 'aab', false, false],
    ['a+b', 'a+b', false, true],
    ['(x)[y]{1}|^$\\/?*', '(x)[y]{1}|^$\\/?*', false, true],
    ['(x)[y]{1}|^$\\/?*', 'x', false, false],
    ['Churn', 'churn', false, false],
    ['Churn', 'cHURN', true, true],
    ['%a%b%c', 'xaybzc', false, true],
    ['%a%b%c', 'xcybza', false, false],
    ['%A%b%C', 'xaYBzc', true, true],
    ['%A%b%C', 'xaYBzc', false, false],
    ['a%%b', 'ab', false, true],
    ['_', '😀', false, true],
    ['a%b', 'a\nb', false, true],
    ['a_b', 'a\nb', false, true],
  ];
  it.each(cases)('%j against %j (ci=%s) → %s', (pattern, text, ci, expected) => {
    expect(likeToRegExp(pattern, ci).test(text)).toBe(expected);
  });

  it('stays fast on a pattern that makes naive regular expressions backtrack', () => {
    const re = likeToRegExp('%a%a%a%a%a%a%b', false);
    const start = performance.now();
    expect(re.test('a'.repeat(5000))).toBe(false);
    expect(re.test(`${'a'.repeat(5000)}b`)).toBe(true);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('matchesFilter', () => {
  const model = {
    attributes: { name: 'Churn.v2', run_id: 'abc123', source_path: 's3://b/m', version_number: 3 },
    tags: { team: 'Risk', 'my key': 'yes', empty: '' },
  };
  const cases: [string, string, boolean][] = [
    ["name = 'Churn.v2'", 'model_version', true],
    ["name = 'churn.v2'", 'model_version', false],
    ["name != 'other'", 'model_version', true],
    ["name LIKE 'Churn%'", 'model_version', true],
    ["name LIKE 'churn%'", 'model_version', false],
    ["name ILIKE 'churn%'", 'model_version', true],
    ["name LIKE 'Churn_v2'", 'model_version', true],
    ["name LIKE 'Churn.v_'", 'model_version', true],
    ["name LIKE 'Churnxv2'", 'model_version', false],
    ["tags.team = 'Risk'", 'model_version', true],
    ["tags.team ILIKE 'risk'", 'model_version', true],
    ["tags.team LIKE 'risk'", 'model_version', false],
    ["tags.`my key` = 'yes'", 'model_version', true],
    ["tags.empty = ''", 'model_version', true],
    ["tags.missing != 'x'", 'model_version', false],
    ["tags.missing LIKE '%'", 'model_version', false],
    ["tags.constructor != 'x'", 'model_version', false],
    ["run_id IN ('zzz', 'abc123')", 'model_version', true],
    ["run_id IN ('ABC123')", 'model_version', false],
    ['version_number = 3', 'model_version', true],
    ['version_number >= 3', 'model_version', true],
    ['version_number > 3', 'model_version', false],
    ['version_number < 10', 'model_version', true],
    ["version_number <= '2'", 'model_version', false],
    ["name LIKE 'Churn%' AND tags.team = 'Risk'", 'model_version', true],
    ["name LIKE 'Churn%' AND tags.team = 'risk'", 'model_version', false],
    ['', 'model_version', true],
  ];
  it.each(cases)('%s → %s', (filter, target, expected) => {
    expect(matchesFilter(parseSearchFilter(filter, target as FilterTarget), model)).toBe(expected);
  });

  it('never matches an attribute the row lacks, and compares versions held as text', () => {
    const row = { attributes: { name: 'm', version_number: '12', run_id: undefined }, tags: {} };
    expect(matchesFilter(parseSearchFilter("run_id != 'x'", 'model_version'), row)).toBe(false);
    expect(matchesFilter(parseSearchFilter('version_number > 9', 'model_version'), row)).toBe(true);
    const blank = { attributes: { version_number: '' }, tags: {} };
    expect(matchesFilter(parseSearchFilter('version_number != 1', 'model_version'), blank)).toBe(
      false,
    );
  });
});
