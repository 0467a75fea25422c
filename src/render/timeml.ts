// TimeML writer: the input document with TIMEX3 tags inserted inside <TEXT>, every other byte as
// it was — the TempEval-3 scorer refuses output whose text differs from the gold text. It writes the
// timexes it is given; tagging a document is the pipeline's (annotateTimemlText in src/pipeline.ts).
import type { IsoDay, Span } from '../model.js';
import type { TimemlDocument } from '../read/index.js';

/** What a TIMEX3 tag needs; a model Timex fits. Spans are offsets into TimemlDocument.text. */
export interface TimexToWrite {
  span: Span;
  /** A TimexType, or whatever type a TimeML file gave. */
  type: string;
  value: string;
  mod?: string;
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);
}

/** `t1`, `t2`, ... skipping the ids the document already uses outside <TEXT> (the DCT is `t0`). */
function freshTids(used: readonly string[], count: number): string[] {
  const taken = new Set(used);
  const tids: string[] = [];
  for (let n = 1; tids.length < count; n++) if (!taken.has(`t${n}`)) tids.push(`t${n}`);
  return tids;
}

/** An offset inside a markup-free `&...;` reference would split it and break the XML. */
function splitsEntity(text: string, offset: number): boolean {
  const ampersand = text.lastIndexOf('&', offset - 1);
  if (ampersand < 0) return false;
  const semicolon = text.indexOf(';', ampersand);
  return semicolon >= offset && /^&[#A-Za-z0-9]+;$/.test(text.slice(ampersand, semicolon + 1));
}

function checkSpans(text: string, timexes: readonly TimexToWrite[]): void {
  let previousEnd = 0;
  for (const { span } of timexes) {
    const where = `span ${span.start}-${span.end} ("${text.slice(span.start, span.end)}")`;
    if (!(
      Number.isInteger(span.start) &&
      Number.isInteger(span.end) &&
      span.start >= 0 &&
      span.start < span.end &&
      span.end <= text.length
    )) {
      throw new RangeError(`${where} is not inside the ${text.length}-character <TEXT>`);
    }
    if (span.start < previousEnd) throw new RangeError(`${where} overlaps the timex before it`);
    if (splitsEntity(text, span.start) || splitsEntity(text, span.end))
      throw new RangeError(`${where} cuts an entity reference`);
    previousEnd = span.end;
  }
}

function openTag(tid: string, timex: TimexToWrite): string {
  const mod = timex.mod ? ` mod="${escapeAttribute(timex.mod)}"` : '';
  return `<TIMEX3 tid="${tid}" type="${escapeAttribute(timex.type)}" value="${escapeAttribute(timex.value)}"${mod}>`;
}

/**
 * The document with a TIMEX3 tag around each span. Any markup already inside <TEXT> is replaced
 * (a TE3input file has none); everything outside <TEXT>, the DCT included, is kept byte for byte.
 * Throws a RangeError for spans outside the text, overlapping each other, or cutting an `&...;`.
 */
export function renderTimeml(document: TimemlDocument, timexes: readonly TimexToWrite[]): string {
  const ordered = [...timexes].sort((a, b) => a.span.start - b.span.start);
  const { text, source, textRange } = document;
  checkSpans(text, ordered);
  const tids = freshTids(document.tidsOutsideText, ordered.length);
  let tagged = '';
  let copiedUpTo = 0;
  ordered.forEach((timex, index) => {
    tagged += text.slice(copiedUpTo, timex.span.start) + openTag(tids[index]!, timex);
    tagged += `${text.slice(timex.span.start, timex.span.end)}</TIMEX3>`;
    copiedUpTo = timex.span.end;
  });
  tagged += text.slice(copiedUpTo);
  return source.slice(0, textRange.start) + tagged + source.slice(textRange.end);
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Plain text as a TE3input-style document with `dct` as its creation time, so plain articles can
 * be tagged and written as TimeML like TempEval input.
 */
export function plainTextAsTimeml(text: string, dct: IsoDay): string {
  const escaped = text.replace(/[&<>]/g, (c) => XML_ESCAPES[c]!);
  return [
    '<?xml version="1.0" ?>',
    '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">',
    `<DCT><TIMEX3 tid="t0" type="DATE" value="${dct}" temporalFunction="false" functionInDocument="CREATION_TIME">${dct}</TIMEX3></DCT>`,
    `<TEXT>${escaped}</TEXT>`,
    '</TimeML>',
    '',
  ].join('\n');
}
