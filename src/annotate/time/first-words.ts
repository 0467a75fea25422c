// Where in a text each rule can match: the positions of the words its matches begin with (see
// RuleOptions.starts in rules/rule.ts). Scanning a text with a big pattern costs a few nanoseconds
// a character whatever it finds, and the tagger has dozens of them; reading the words of a text
// once and trying each rule only where one of its first words starts is several times cheaper.
//
// Every rule pattern begins with a look-behind that no letter or digit precedes, so a match can only
// start where a run of letters and digits starts. Such a run is a "word" here, and a rule may match
// there only when the word, case-folded as the `iu` flags fold it, begins with one of its `starts`.
import type { Rule } from './rules/rule.js';

/** A trie of the declared first words, by character code: each node knows the lists a word ending there is in. */
interface TrieNode {
  next: (TrieNode | undefined)[];
  /** The numbers of the `starts` lists that have the word spelled from the root to here. */
  lists: number[];
}

const newNode = (): TrieNode => ({ next: [], lists: [] });
const trie = newNode();

// Each `starts` list gets a number the first time a text is read with its rule.
const listNumbers = new WeakMap<readonly string[], number>();
let listCount = 0;

// First words are lowercase ASCII letters and digits, so that folding a character of the text is cheap.
const START_WORD = /^[a-z0-9]*$/;

function listNumber(starts: readonly string[]): number {
  let number = listNumbers.get(starts);
  if (number !== undefined) return number;
  number = listCount++;
  listNumbers.set(starts, number);
  for (const start of new Set(starts)) {
    if (!START_WORD.test(start)) throw new Error(`a rule's first word "${start}" is not lowercase ASCII`);
    let node = trie;
    for (let i = 0; i < start.length; i++) node = node.next[start.charCodeAt(i)] ??= newNode();
    node.lists.push(number);
  }
  return number;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const LONG_S = 0x17f;
const KELVIN = 0x212a;

/** Whether the code point is a letter or a digit, as `[\p{L}\p{N}]` sees it. */
function isLetterOrDigit(codePoint: number): boolean {
  if (codePoint < 0x80) {
    return (
      (codePoint >= 0x61 && codePoint <= 0x7a) ||
      (codePoint >= 0x41 && codePoint <= 0x5a) ||
      (codePoint >= 0x30 && codePoint <= 0x39)
    );
  }
  return LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));
}

/**
 * The lowercase ASCII character a case-insensitive pattern takes the code unit for, or -1. Besides
 * ASCII, only the long s "ſ" and the Kelvin sign fold onto an ASCII letter under the `iu` flags.
 */
function foldedAscii(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code < 0x80) return code;
  if (code === LONG_S) return 0x73;
  if (code === KELVIN) return 0x6b;
  return -1;
}

/** Records `position` for every list with a first word that the word at `position` begins with. */
function recordWordAt(text: string, position: number, byList: number[][]): void {
  let node: TrieNode | undefined = trie;
  for (let i = position; node !== undefined; i++) {
    for (const number of node.lists) {
      const positions = byList[number]!;
      // "la" and "last" of one list both start "last": the position once.
      if (positions[positions.length - 1] !== position) positions.push(position);
    }
    const code = i < text.length ? foldedAscii(text.charCodeAt(i)) : -1;
    node = code === -1 ? undefined : node.next[code];
  }
}

/**
 * For one text, the positions (ascending) where a rule with `starts` may match. Built on the first
 * call, from one pass over the text.
 */
export function firstWordPositions(text: string, rules: readonly Rule[]): (rule: Rule) => readonly number[] {
  let byList: number[][] | undefined;
  const index = (): number[][] => {
    for (const rule of rules) if (rule.starts !== undefined) listNumber(rule.starts);
    const found: number[][] = Array.from({ length: listCount }, () => []);
    let afterWord = false;
    for (let i = 0; i < text.length;) {
      const codePoint = text.codePointAt(i)!;
      const inWord = isLetterOrDigit(codePoint);
      if (inWord && !afterWord) recordWordAt(text, i, found);
      afterWord = inWord;
      i += codePoint > 0xffff ? 2 : 1;
    }
    return found;
  };
  return (rule) => {
    if (rule.starts === undefined) return [];
    byList ??= index();
    return byList[listNumber(rule.starts)] ?? [];
  };
}
