// Python's notion of whitespace, which tilse relies on twice: `str.strip()` in the Timeline
// constructor and `str.split()` before ROUGE and in the content cost. It differs from JavaScript's
// \s: it includes the ASCII separators \x1c-\x1f and NEL (\x85), and excludes the BOM (\ufeff).
const PY_WHITESPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_STRIP = new RegExp(`^[${PY_WHITESPACE}]+|[${PY_WHITESPACE}]+$`, 'g');
const PY_SPLIT = new RegExp(`[${PY_WHITESPACE}]+`);

/** Python `s.strip()`. */
export function pythonStrip(text: string): string {
  return text.replace(PY_STRIP, '');
}

/** Python `s.split()` with no argument: whitespace runs separate, empty pieces are dropped. */
export function pythonSplit(text: string): string[] {
  return text.split(PY_SPLIT).filter((piece) => piece !== '');
}
