/**
 * Strict JSON (RFC 8259) that remembers where each value starts, so a problem found in an
 * imported file can name its line. `JSON.parse` throws with a character offset whose wording
 * differs between engines; this parser returns the line instead and never throws.
 *
 * Differences from `JSON.parse`, each on purpose: a leading byte-order mark is skipped (editors
 * on Windows write one); nesting deeper than {@link JSON_MAX_DEPTH} is refused (a hostile file
 * cannot exhaust the stack); a field name repeated in one object is an error, because which
 * copy was meant is a guess and guessing loses data.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

export interface JsonObject {
  [key: string]: JsonValue;
}

/** Field names and array indices from the root to a value: `['plans', 3, 'activityTypes']`. */
export type JsonPath = readonly (string | number)[];

export interface JsonSyntaxProblem {
  /** 1-based line of the offending character. */
  line: number;
  /** 1-based column of the offending character (in UTF-16 code units). */
  column: number;
  message: string;
}

export type JsonWithLines =
  | {
      ok: true;
      value: JsonValue;
      /**
       * The line where the value at `path` starts. For a path that does not exist (a missing
       * field), the line of its nearest existing ancestor, which is where a reader would add it.
       */
      lineOf: (path: JsonPath) => number;
    }
  | { ok: false; problem: JsonSyntaxProblem };

/** How deeply arrays and objects may nest. */
export const JSON_MAX_DEPTH = 64;

/** Thrown inside the parser only, to unwind; `parseJsonWithLines` catches it. */
class JsonSyntaxFailure extends Error {
  constructor(readonly problem: JsonSyntaxProblem) {
    super(problem.message);
    this.name = 'JsonSyntaxFailure';
  }
}

const keyOf = (parentKey: string, segment: string | number) =>
  `${parentKey}/${JSON.stringify(segment)}`;

const escapes: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Parses JSON text and records the line of every value.
 *
 * @example
 * const parsed = parseJsonWithLines('{\n  "plans": [\n    {"id": "a"}\n  ]\n}');
 * parsed.ok && parsed.lineOf(['plans', 0, 'id']) === 3;
 */
export function parseJsonWithLines(text: string, maxDepth = JSON_MAX_DEPTH): JsonWithLines {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = new Map<string, number>();
  let index = 0;
  let line = 1;
  let lineStart = 0;

  const fail = (message: string, at = index): never => {
    throw new JsonSyntaxFailure({ line, column: at - lineStart + 1, message });
  };
  const describe = (at: number) => {
    const character = source[at];
    if (character === undefined) return 'the end of the text';
    const code = character.charCodeAt(0);
    if (code < 0x20 || code === 0x7f)
      return `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
    if (character === '"') {
      const quoted = /^"[^"\n\r]{0,30}/.exec(source.slice(at, at + 32))?.[0].slice(1) ?? '';
      return `the text "${quoted}${source[at + quoted.length + 1] === '"' ? '' : '…'}"`;
    }
    const word = /^[\p{L}\p{N}_$]+/u.exec(source.slice(at, at + 20))?.[0];
    return word ? `"${word}"` : `"${character}"`;
  };

  const skipWhitespace = () => {
    while (index < source.length) {
      const character = source[index];
      if (character === ' ' || character === '\t') {
        index += 1;
      } else if (character === '\n' || character === '\r') {
        index += character === '\r' && source[index + 1] === '\n' ? 2 : 1;
        line += 1;
        lineStart = index;
      } else {
        return;
      }
    }
  };

  const expect = (character: string, what: string) => {
    if (source[index] !== character) fail(`expected ${what}, found ${describe(index)}`);
    index += 1;
  };

  const parseString = (): string => {
    expect('"', 'a double quote');
    const start = index - 1;
    let result = '';
    let chunkStart = index;
    while (index < source.length) {
      const character = source[index] ?? '';
      if (character === '"') {
        result += source.slice(chunkStart, index);
        index += 1;
        return result;
      }
      if (character === '\\') {
        result += source.slice(chunkStart, index);
        const escape = source[index + 1] ?? '';
        if (escape === 'u') {
          const hex = source.slice(index + 2, index + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('"\\u" must be followed by four hex digits');
          result += String.fromCharCode(parseInt(hex, 16));
          index += 6;
        } else {
          const replacement = escapes[escape];
          if (replacement === undefined) {
            fail(`"\\${escape}" is not a valid escape in a JSON string`);
          }
          result += replacement;
          index += 2;
        }
        chunkStart = index;
        continue;
      }
      if (character.charCodeAt(0) < 0x20) {
        fail(
          character === '\n' || character === '\r'
            ? 'a string is not closed before the end of the line (write a line break as \\n)'
            : `${describe(index)} inside a string must be escaped`,
        );
      }
      index += 1;
    }
    return fail('a string is not closed', start);
  };

  const parseNumber = (): number => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
      source.slice(index, index + 400),
    );
    const after = match ? source[index + match[0].length] : source[index];
    if (!match || (after !== undefined && /[\d.eE+\-\p{L}]/u.test(after))) {
      const token = /^[-+\w.]+/.exec(source.slice(index, index + 40))?.[0] ?? source[index] ?? '';
      fail(`"${token}" is not a valid JSON number`);
    }
    const matched = match?.[0] ?? '';
    index += matched.length;
    return Number(matched);
  };

  const parseLiteral = <T extends JsonValue>(word: string, value: T): T => {
    if (
      source.startsWith(word, index) &&
      !/[\p{L}\p{N}_$]/u.test(source[index + word.length] ?? '')
    ) {
      index += word.length;
      return value;
    }
    return fail(`unexpected ${describe(index)}: expected a value`);
  };

  const parseValue = (key: string, depth: number): JsonValue => {
    skipWhitespace();
    lines.set(key, line);
    const character = source[index];
    switch (character) {
      case '{':
        return parseObject(key, depth + 1);
      case '[':
        return parseArray(key, depth + 1);
      case '"':
        return parseString();
      case 't':
        return parseLiteral('true', true);
      case 'f':
        return parseLiteral('false', false);
      case 'n':
        return parseLiteral('null', null);
      case undefined:
        return fail('the text ends where a value was expected');
      default:
        if (character === '-' || (character >= '0' && character <= '9')) return parseNumber();
        return fail(`unexpected ${describe(index)}: expected a value`);
    }
  };

  const checkDepth = (depth: number) => {
    if (depth > maxDepth) fail(`arrays and objects are nested more than ${maxDepth} levels deep`);
  };

  const parseObject = (key: string, depth: number): JsonObject => {
    checkDepth(depth);
    index += 1;
    const object: JsonObject = {};
    const fieldLines = new Map<string, number>();
    skipWhitespace();
    if (source[index] === '}') {
      index += 1;
      return object;
    }
    for (;;) {
      skipWhitespace();
      if (source[index] === '}') fail('a comma before "}" is not allowed in JSON');
      if (source[index] !== '"') {
        fail(`expected a field name in double quotes, found ${describe(index)}`);
      }
      const nameLine = line;
      const nameColumn = index;
      const name = parseString();
      const first = fieldLines.get(name);
      if (first !== undefined) {
        fail(
          `field "${name}" appears twice in the same object (first on line ${first})`,
          nameColumn,
        );
      }
      fieldLines.set(name, nameLine);
      skipWhitespace();
      expect(':', `":" after the field name "${name}"`);
      const value = parseValue(keyOf(key, name), depth);
      // defineProperty, not assignment: a field named "__proto__" must stay a plain field.
      Object.defineProperty(object, name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      skipWhitespace();
      if (source[index] === ',') {
        index += 1;
        continue;
      }
      if (source[index] === '}') {
        index += 1;
        return object;
      }
      return fail(`expected "," or "}" after a value in an object, found ${describe(index)}`);
    }
  };

  const parseArray = (key: string, depth: number): JsonValue[] => {
    checkDepth(depth);
    index += 1;
    const array: JsonValue[] = [];
    skipWhitespace();
    if (source[index] === ']') {
      index += 1;
      return array;
    }
    for (;;) {
      skipWhitespace();
      if (source[index] === ']') fail('a comma before "]" is not allowed in JSON');
      array.push(parseValue(keyOf(key, array.length), depth));
      skipWhitespace();
      if (source[index] === ',') {
        index += 1;
        continue;
      }
      if (source[index] === ']') {
        index += 1;
        return array;
      }
      return fail(`expected "," or "]" after a value in a list, found ${describe(index)}`);
    }
  };

  try {
    skipWhitespace();
    if (index >= source.length) fail('the text is empty: expected a JSON value');
    const value = parseValue('', 0);
    skipWhitespace();
    if (index < source.length) {
      fail(`unexpected ${describe(index)} after the end of the JSON value`);
    }
    const lineOf = (path: JsonPath): number => {
      let found = lines.get('') ?? 1;
      let key = '';
      for (const segment of path) {
        key = keyOf(key, segment);
        const segmentLine = lines.get(key);
        if (segmentLine === undefined) break;
        found = segmentLine;
      }
      return found;
    };
    return { ok: true, value, lineOf };
  } catch (error) {
    if (error instanceof JsonSyntaxFailure) return { ok: false, problem: error.problem };
    throw error;
  }
}
