/**
 * Where things are in JSON text, for issues that name a line: a JSON parser that remembers the
 * offset of each value (by path, `segments[3].end`) and says where invalid JSON goes wrong, the
 * 1-based line of an offset, and the line of a `JSON.parse` error.
 */

const MAX_DEPTH = 512;
/** Offsets are recorded for values this deep: `segments[3].offsets.from` is depth 4. */
const RECORD_DEPTH = 4;

export class JsonSyntaxError {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

export interface LocatedJson {
  value: unknown;
  /** Offset of the value at each path (`segments[3].end`), down to RECORD_DEPTH. */
  offsets: Map<string, number>;
}

/** A JSON object (not an array, not null). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The path of a member or element: `segments` + 3 → `segments[3]`, + `end` → `segments[3].end`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  if (name !== key) return `${path}[${name}]`;
  return path === '' ? key : `${path}.${key}`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Parse JSON as `JSON.parse` does, recording where values are. Throws JsonSyntaxError (offset and
 * a short message) where the text is not JSON or nests deeper than MAX_DEPTH. Slower than
 * `JSON.parse`: use it to explain a syntax error or to place an issue.
 */
export function parseLocatedJson(t: string): LocatedJson {
  const offsets = new Map<string, number>();
  let i = 0;
  const fail = (message: string): never => {
    throw new JsonSyntaxError(i, message);
  };
  const space = () => {
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };
  const unexpected = (): never =>
    fail(i >= t.length ? 'unexpected end of the file' : `unexpected ${JSON.stringify(t[i])}`);

  const string = (): string => {
    const start = i;
    let escaped = false;
    for (i++; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x22) {
        i++;
        const raw = t.slice(start, i);
        return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      }
      if (c < 0x20) fail('control character inside a string');
      if (c === 0x5c) {
        escaped = true;
        const e = t[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) fail('bad \\u escape');
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail('bad escape');
      }
    }
    i = start;
    return fail('unterminated string');
  };

  const value = (path: string, depth: number): unknown => {
    space();
    if (depth > MAX_DEPTH) fail('nested too deeply');
    if (depth <= RECORD_DEPTH) offsets.set(path, i);
    const c = t[i];
    if (c === '{') {
      const obj: Record<string, unknown> = {};
      i++;
      space();
      if (t[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        space();
        if (t[i] !== '"') unexpected();
        const key = string();
        space();
        if (t[i] !== ':') unexpected();
        i++;
        // defineProperty: a "__proto__" key is data, not a prototype.
        Object.defineProperty(obj, key, {
          value: value(childPath(path, key), depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        space();
        if (t[i] === '}') {
          i++;
          return obj;
        }
        if (t[i] !== ',') unexpected();
        i++;
      }
    }
    if (c === '[') {
      const arr: unknown[] = [];
      i++;
      space();
      if (t[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(childPath(path, arr.length), depth + 1));
        space();
        if (t[i] === ']') {
          i++;
          return arr;
        }
        if (t[i] !== ',') unexpected();
        i++;
      }
    }
    if (c === '"') return string();
    for (const [word, literal] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (t.startsWith(word, i)) {
        i += word.length;
        return literal;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(t);
    if (!m) return unexpected();
    i = NUMBER.lastIndex;
    return Number(m[0]);
  };

  const root = value('', 0);
  space();
  if (i < t.length) fail(`unexpected ${JSON.stringify(t[i])} after the end of the JSON value`);
  return { value: root, offsets };
}

/** 1-based line of an offset; LF, CRLF and lone CR each end a line. Builds its index on first use. */
export function lineFinder(t: string): (offset: number) => number {
  let starts: number[] | null = null;
  return (offset) => {
    if (starts === null) {
      starts = [0];
      const re = /\r\n|\r|\n/g;
      for (let m = re.exec(t); m; m = re.exec(t)) starts.push(m.index + m[0].length);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The line a V8 `JSON.parse` error message names: "(line L column C)" or "at position N"; else null. */
export function lineOfJsonErrorMessage(t: string, message: string): number | null {
  const lineCol = /line (\d+) column \d+/.exec(message);
  if (lineCol) return Number(lineCol[1]);
  const position = /position (\d+)/.exec(message);
  if (position) return lineFinder(t)(Number(position[1]));
  return null;
}

/** The 1-based line of a `JSON.parse` failure: from the engine's message, else from the locating parser. */
export function syntaxErrorLine(t: string, message: string): number {
  const named = lineOfJsonErrorMessage(t, message);
  if (named !== null) return named;
  const lineAt = lineFinder(t);
  try {
    parseLocatedJson(t);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return lineAt(e.offset);
  }
  return lineAt(t.length);
}

/** A JSON path as keys, the way schema validators report it: `['segments', 3, 'end']`. */
export type JsonKeys = readonly PropertyKey[];

/** `['segments', 3, 'end']` → `segments[3].end`, the form the offsets are recorded under. */
export function pathOfKeys(keys: JsonKeys): string {
  return keys.reduce<string>((path, key) => childPath(path, typeof key === 'number' ? key : String(key)), '');
}

export interface JsonLines {
  /** The line of the value at `path` (`segments[3].end`), null when it is not there (or not recorded). */
  lineOf(path: string): number | null;
  /**
   * The line of the value at `keys`, else of its nearest enclosing value that is there: a missing
   * member is reported at the object that lacks it, a too-deep path at its deepest recorded part.
   */
  nearestLine(keys: JsonKeys): number | null;
}

/**
 * Lines of values in valid JSON `text`. The locating parser runs on first use only, so code that
 * read the text with `JSON.parse` pays for it only when it has an issue to place; null lines when
 * the text nests too deeply for it.
 */
export function jsonLines(text: string): JsonLines {
  const lineAt = lineFinder(text);
  let located: LocatedJson | null | undefined;
  const offsetOf = (path: string): number | undefined => {
    if (located === undefined) {
      try {
        located = parseLocatedJson(text);
      } catch {
        located = null;
      }
    }
    return located?.offsets.get(path);
  };
  const lineOf = (path: string) => {
    const at = offsetOf(path);
    return at === undefined ? null : lineAt(at);
  };
  return {
    lineOf,
    nearestLine(keys) {
      for (let n = keys.length; n >= 0; n--) {
        const line = lineOf(pathOfKeys(keys.slice(0, n)));
        if (line !== null) return line;
      }
      return null;
    },
  };
}
