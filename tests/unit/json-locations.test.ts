import { describe, expect, it } from 'vitest';
import { JSON_MAX_DEPTH, parseJsonWithLines } from '../../src/domain/json-locations';

function parsed(text: string) {
  const result = parseJsonWithLines(text);
  if (!result.ok) throw new Error(`expected valid JSON, got ${JSON.stringify(result.problem)}`);
  return result;
}

function problem(text: string) {
  const result = parseJsonWithLines(text);
  if (result.ok) throw new Error('expected a syntax problem');
  return result.problem;
}

describe('parseJsonWithLines', () => {
  const text = [
    '{', // 1
    '  "format": "harta-plans",', // 2
    '  "plans": [', // 3
    '    {', // 4
    '      "id": "a",', // 5
    '      "activityTypes": [', // 6
    '        "awareness",', // 7
    '        "training"', // 8
    '      ]', // 9
    '    },', // 10
    '    { "id": "b", "n": -1.5e2, "ok": true, "x": null }', // 11
    '  ]', // 12
    '}', // 13
  ].join('\n');

  it('parses the same value as JSON.parse', () => {
    expect(parsed(text).value).toEqual(JSON.parse(text));
  });

  it('gives the line where each value starts, by path', () => {
    const { lineOf } = parsed(text);
    expect(lineOf([])).toBe(1);
    expect(lineOf(['format'])).toBe(2);
    expect(lineOf(['plans'])).toBe(3);
    expect(lineOf(['plans', 0])).toBe(4);
    expect(lineOf(['plans', 0, 'id'])).toBe(5);
    expect(lineOf(['plans', 0, 'activityTypes'])).toBe(6);
    expect(lineOf(['plans', 0, 'activityTypes', 1])).toBe(8);
    expect(lineOf(['plans', 1, 'n'])).toBe(11);
  });

  it('falls back to the nearest existing ancestor for a missing path', () => {
    const { lineOf } = parsed(text);
    expect(lineOf(['plans', 0, 'note'])).toBe(4);
    expect(lineOf(['plans', 7, 'id'])).toBe(3);
    expect(lineOf(['nothing', 'here'])).toBe(1);
  });

  it('tells an index from a field name that looks like one', () => {
    const { lineOf } = parsed('{\n"0":\n1,\n"a": [\n2]}');
    expect(lineOf(['0'])).toBe(3);
    expect(lineOf([0])).toBe(1);
    expect(lineOf(['a', 0])).toBe(5);
    expect(lineOf(['a', '0'])).toBe(4);
  });

  it('counts CRLF and lone CR as one line break each, and skips a leading BOM', () => {
    const { value, lineOf } = parsed('\uFEFF{\r\n"a": 1,\r"b":\r\n\r\n2}');
    expect(value).toEqual({ a: 1, b: 2 });
    expect(lineOf(['a'])).toBe(2);
    expect(lineOf(['b'])).toBe(5);
  });

  it('decodes every escape, including surrogate pairs, like JSON.parse', () => {
    const source = '["\\"\\\\\\/\\b\\f\\n\\r\\t\\u00eb\\uD83D\\uDE00", "Cërrik ✓"]';
    expect(parsed(source).value).toEqual(JSON.parse(source));
    expect(parsed(source).value).toEqual(['"\\/\b\f\n\r\të😀', 'Cërrik ✓']);
  });

  it('keeps a field named __proto__ as a plain field', () => {
    const { value } = parsed('{"__proto__": {"polluted": true}}');
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('parses numbers as JSON does', () => {
    expect(parsed('[0, -0.5, 12e3, 1E-2, 7]').value).toEqual([0, -0.5, 12000, 0.01, 7]);
  });

  it.each([
    ['', 1, 1, 'the text is empty: expected a JSON value'],
    ['  \n ', 2, 2, 'the text is empty: expected a JSON value'],
    ['{\n  "a": 1,\n}', 3, 1, 'a comma before "}" is not allowed in JSON'],
    ['[1,\n2,]', 2, 3, 'a comma before "]" is not allowed in JSON'],
    ['{\n"a" 1}', 2, 5, 'expected ":" after the field name "a", found "1"'],
    ["{'a': 1}", 1, 2, 'expected a field name in double quotes, found "\'"'],
    [
      '{"a": 1\n"b": 2}',
      2,
      1,
      'expected "," or "}" after a value in an object, found the text "b"',
    ],
    [
      '{"a": 1 "a very long field name indeed, longer than thirty": 2}',
      1,
      9,
      'expected "," or "}" after a value in an object, found the text "a very long field name indeed,…"',
    ],
    ['[1 2]', 1, 4, 'expected "," or "]" after a value in a list, found "2"'],
    ['{"a":\n  tru}', 2, 3, 'unexpected "tru": expected a value'],
    ['[undefined]', 1, 2, 'unexpected "undefined": expected a value'],
    ['[01]', 1, 2, '"01" is not a valid JSON number'],
    ['[1.]', 1, 2, '"1." is not a valid JSON number'],
    ['[-]', 1, 2, '"-" is not a valid JSON number'],
    ['[NaN]', 1, 2, 'unexpected "NaN": expected a value'],
    ['["a\\x"]', 1, 4, '"\\x" is not a valid escape in a JSON string'],
    ['["\\u12G4"]', 1, 3, '"\\u" must be followed by four hex digits'],
    [
      '{"a": "two\nlines"}',
      1,
      11,
      'a string is not closed before the end of the line (write a line break as \\n)',
    ],
    ['["tab\there"]', 1, 6, 'a control character (U+0009) inside a string must be escaped'],
    ['\n\n["open', 3, 2, 'a string is not closed'],
    [
      '{"a": [1, 2',
      1,
      12,
      'expected "," or "]" after a value in a list, found the end of the text',
    ],
    ['{"a":', 1, 6, 'the text ends where a value was expected'],
    ['{} {}', 1, 4, 'unexpected "{" after the end of the JSON value'],
    ['{"a": 1,\n "a": 2}', 2, 2, 'field "a" appears twice in the same object (first on line 1)'],
  ])('reports %j at line %i, column %i', (source, line, column, message) => {
    expect(problem(source)).toEqual({ line, column, message });
  });

  it(`refuses nesting deeper than ${JSON_MAX_DEPTH} levels, and accepts exactly that many`, () => {
    const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
    expect(parseJsonWithLines(deep(JSON_MAX_DEPTH)).ok).toBe(true);
    expect(problem(deep(JSON_MAX_DEPTH + 1))).toEqual({
      line: 1,
      column: JSON_MAX_DEPTH + 1,
      message: `arrays and objects are nested more than ${JSON_MAX_DEPTH} levels deep`,
    });
    expect(problem(`{"a":${deep(100_000)}}`).message).toBe(
      `arrays and objects are nested more than ${JSON_MAX_DEPTH} levels deep`,
    );
  });
});
