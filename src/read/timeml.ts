// TimeML reader (TempEval-3 gold `.tml` and system-input `.TE3input` files). A small scanner
// rather than an XML parser: output is written by re-inserting tags into the original bytes, so
// the reader must report the exact offsets of <TEXT> in the file and keep its characters raw
// (entities such as `&amp;` stay as written).
import { readFileSync } from 'node:fs';
import type { IsoDay, Span } from '../model.js';

/** A TIMEX3 annotated inside <TEXT>. */
export interface TimemlTimex {
  tid: string;
  type: string;
  value: string;
  mod?: string;
  /** The words, raw as in the file (entities not decoded). */
  text: string;
  /** Offsets into TimemlDocument.text, the untagged <TEXT> content. */
  span: Span;
}

/** The document creation time: the TIMEX3 inside <DCT>. */
export interface TimemlDct {
  tid: string;
  type: string;
  value: string;
  /** The date part of the value (`1998-12-05T09:42` → `1998-12-05`); absent when the value names no day. */
  day?: IsoDay;
}

export interface TimemlDocument {
  /** The whole file as read. */
  source: string;
  docId?: string;
  dct?: TimemlDct;
  /** Where the content of <TEXT> (between its tags) sits in `source`. */
  textRange: Span;
  /** The <TEXT> content with every tag and comment removed; raw, entities as written. */
  text: string;
  /** TIMEX3 tags inside <TEXT>, in document order (empty for a TE3input file). */
  timexes: TimemlTimex[];
  /** Every tid used outside <TEXT> (the DCT's), so new tags can avoid them. */
  tidsOutsideText: string[];
}

export class TimemlFormatError extends Error {
  override name = 'TimemlFormatError';
}

/** A tag, comment, processing instruction or declaration, with its place in the source. */
interface Markup {
  start: number;
  end: number;
  kind: 'open' | 'close' | 'empty' | 'other';
  name: string;
  attributes: Map<string, string>;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Attribute values are data, not text to re-insert, so they are decoded. */
function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return XML_ENTITIES[name] ?? whole;
  });
}

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

function fail(source: string, offset: number, reason: string): never {
  throw new TimemlFormatError(`line ${lineOf(source, offset)}: ${reason}`);
}

/** End of a tag starting at `start`: the first `>` outside a quoted attribute value. */
function tagEnd(source: string, start: number): number {
  let quote: string | undefined;
  for (let i = start + 1; i < source.length; i++) {
    const ch = source[i];
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i + 1;
    else if (ch === '<') fail(source, start, 'a tag is not closed before the next "<"');
  }
  return fail(source, start, 'a tag is not closed');
}

function delimitedEnd(source: string, start: number, terminator: string, what: string): number {
  const at = source.indexOf(terminator, start);
  if (at < 0) fail(source, start, `${what} is not closed`);
  return at + terminator.length;
}

function parseTag(source: string, start: number, end: number): Markup {
  const inner = source.slice(start + 1, end - 1);
  if (inner.startsWith('/')) return { start, end, kind: 'close', name: inner.slice(1).trim(), attributes: new Map() };
  const selfClosing = inner.endsWith('/');
  const body = selfClosing ? inner.slice(0, -1) : inner;
  const name = /^[^\s/>]+/.exec(body)?.[0];
  if (name === undefined) fail(source, start, 'a tag has no name');
  const attributes = new Map<string, string>();
  const rest = body.slice(name.length);
  const attributePattern = /\s*([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gy;
  let consumed = 0;
  for (let match = attributePattern.exec(rest); match !== null; match = attributePattern.exec(rest)) {
    attributes.set(match[1]!, decodeEntities(match[2] ?? match[3] ?? ''));
    consumed = attributePattern.lastIndex;
  }
  if (rest.slice(consumed).trim() !== '') fail(source, start, `malformed attributes in <${name}>`);
  return { start, end, kind: selfClosing ? 'empty' : 'open', name, attributes };
}

/** Every piece of markup in source[from, to), in order; text is whatever lies between them. */
function* scanMarkup(source: string, from = 0, to = source.length): Generator<Markup> {
  let at = source.indexOf('<', from);
  while (at >= 0 && at < to) {
    let markup: Markup;
    if (source.startsWith('<!--', at)) {
      markup = {
        start: at,
        end: delimitedEnd(source, at + 4, '-->', 'a comment'),
        kind: 'other',
        name: '!--',
        attributes: new Map(),
      };
    } else if (source.startsWith('<![CDATA[', at)) {
      // A CDATA section's characters are text, but writing tags back into one would corrupt it.
      fail(source, at, 'CDATA sections are not supported');
    } else if (source.startsWith('<?', at)) {
      markup = {
        start: at,
        end: delimitedEnd(source, at + 2, '?>', 'a processing instruction'),
        kind: 'other',
        name: '?',
        attributes: new Map(),
      };
    } else if (source.startsWith('<!', at)) {
      markup = { start: at, end: tagEnd(source, at), kind: 'other', name: '!', attributes: new Map() };
    } else {
      markup = parseTag(source, at, tagEnd(source, at));
    }
    yield markup;
    at = source.indexOf('<', markup.end);
  }
}

function required(markup: Markup, attribute: string, source: string): string {
  const value = markup.attributes.get(attribute);
  if (value === undefined) fail(source, markup.start, `<${markup.name}> has no ${attribute} attribute`);
  return value;
}

function dctFrom(timex: Markup, source: string): TimemlDct {
  const value = required(timex, 'value', source);
  const day = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  return {
    tid: timex.attributes.get('tid') ?? '',
    type: timex.attributes.get('type') ?? '',
    value,
    ...(day ? { day } : {}),
  };
}

interface TextContent {
  text: string;
  timexes: TimemlTimex[];
}

/** Strips the markup of source[from, to) and records each TIMEX3 by its span in the stripped text. */
function untagText(source: string, from: number, to: number): TextContent {
  let text = '';
  let copiedUpTo = from;
  const timexes: TimemlTimex[] = [];
  const open: { markup: Markup; start: number }[] = [];
  for (const markup of scanMarkup(source, from, to)) {
    text += source.slice(copiedUpTo, markup.start);
    copiedUpTo = markup.end;
    if (markup.name !== 'TIMEX3') continue;
    if (markup.kind === 'open') open.push({ markup, start: text.length });
    if (markup.kind === 'empty') fail(source, markup.start, 'an empty <TIMEX3/> in <TEXT>');
    if (markup.kind === 'close') {
      const opened = open.pop();
      if (opened === undefined) fail(source, markup.start, '</TIMEX3> without an opening tag');
      const { attributes } = opened.markup;
      const mod = attributes.get('mod');
      timexes.push({
        tid: required(opened.markup, 'tid', source),
        type: required(opened.markup, 'type', source),
        value: attributes.get('value') ?? '',
        ...(mod !== undefined ? { mod } : {}),
        text: text.slice(opened.start),
        span: { start: opened.start, end: text.length },
      });
    }
  }
  if (open.length > 0) fail(source, open[0]!.markup.start, '<TIMEX3> not closed inside <TEXT>');
  text += source.slice(copiedUpTo, to);
  timexes.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { text, timexes };
}

/** Parses a TimeML document; throws TimemlFormatError (with a line number) when it is malformed. */
export function parseTimeml(source: string): TimemlDocument {
  let textOpen: Markup | undefined;
  let textClose: Markup | undefined;
  let insideDct = false;
  let dct: TimemlDct | undefined;
  let docIdStart: number | undefined;
  let docId: string | undefined;
  const tidsOutsideText: string[] = [];
  for (const markup of scanMarkup(source)) {
    const insideText = textOpen !== undefined && textClose === undefined;
    if (markup.name === 'TEXT' && markup.kind === 'open' && textOpen === undefined) textOpen = markup;
    else if (markup.name === 'TEXT' && markup.kind === 'close' && insideText) textClose = markup;
    if (insideText) continue;
    if (markup.name === 'DCT') insideDct = markup.kind === 'open';
    if (markup.name === 'DOCID' && markup.kind === 'open') docIdStart = markup.end;
    if (markup.name === 'DOCID' && markup.kind === 'close' && docIdStart !== undefined)
      docId = source.slice(docIdStart, markup.start).trim();
    const tid = markup.attributes.get('tid');
    if (tid !== undefined) tidsOutsideText.push(tid);
    if (insideDct && dct === undefined && markup.name === 'TIMEX3' && markup.kind === 'open')
      dct = dctFrom(markup, source);
  }
  if (textOpen === undefined) throw new TimemlFormatError('no <TEXT> element');
  if (textClose === undefined) fail(source, textOpen.start, '<TEXT> is not closed');
  const textRange = { start: textOpen.end, end: textClose.start };
  const { text, timexes } = untagText(source, textRange.start, textRange.end);
  return {
    source,
    ...(docId !== undefined ? { docId } : {}),
    ...(dct ? { dct } : {}),
    textRange,
    text,
    timexes,
    tidsOutsideText,
  };
}

/** Reads and parses a TimeML file; errors name the file. */
export function readTimemlFile(path: string): TimemlDocument {
  const source = readFileSync(path, 'utf8');
  try {
    return parseTimeml(source);
  } catch (error) {
    if (error instanceof TimemlFormatError) throw new TimemlFormatError(`${path}: ${error.message}`);
    throw error;
  }
}
