import { describe, expect, it } from 'vitest';
import { jsonLines, pathOfKeys, syntaxErrorLine } from './json-locate';

const text = '{\n  "a": [\n    { "b": 1 },\n    {\n      "c": "x"\n    }\n  ]\n}';

describe('json-locate', () => {
  it('names paths the way the offsets are recorded', () => {
    expect(pathOfKeys(['segments', 3, 'end'])).toBe('segments[3].end');
    expect(pathOfKeys([])).toBe('');
  });

  it('finds the line of a value, and of the nearest enclosing value for one that is not there', () => {
    const lines = jsonLines(text);
    expect(lines.lineOf('a[1].c')).toBe(5);
    expect(lines.lineOf('a[1].b')).toBeNull();
    expect(lines.nearestLine(['a', 1, 'b'])).toBe(4);
    expect(lines.nearestLine(['a', 0, 'b'])).toBe(3);
    expect(lines.nearestLine(['z'])).toBe(1);
  });

  it('counts CR and CRLF line ends like LF', () => {
    expect(jsonLines(text.replace(/\n/g, '\r')).lineOf('a[1].c')).toBe(5);
    const broken = '{\r\n  "a": 1,\r\n  "b": ]\r\n}';
    let message = '';
    try {
      JSON.parse(broken);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(syntaxErrorLine(broken, message)).toBe(3);
  });
});
