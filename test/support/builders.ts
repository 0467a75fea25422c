// Hand-built annotated articles for tests of the stages after annotation, so a timeline test
// fails only when the timeline code is wrong, not when a tagger changes.
import type { AnnotatedArticle, DateRef, IsoDay, Mention, Quantity, Sentence, Timex } from '../../src/model.js';

export interface SentenceSpec {
  text: string;
  /** A date the sentence refers to, and the words that say it (must occur in `text`). */
  refersTo?: DateRef & { words: string };
  mentions?: Array<Pick<Mention, 'text' | 'kind'>>;
  quantities?: Array<Pick<Quantity, 'text' | 'value' | 'unit'>>;
}

export interface ArticleSpec {
  id: string;
  source: string;
  publishedOn: IsoDay;
  sentences: SentenceSpec[];
}

function spanOf(text: string, words: string, offset: number) {
  const at = text.indexOf(words);
  if (at < 0) throw new Error(`'${words}' does not occur in '${text}'`);
  return { start: offset + at, end: offset + at + words.length };
}

export function annotated(spec: ArticleSpec): AnnotatedArticle {
  let offset = 0;
  const sentences: Sentence[] = spec.sentences.map((s, index) => {
    const start = offset;
    offset += s.text.length + 1;
    const timexes: Timex[] = s.refersTo
      ? [
          {
            text: s.refersTo.words,
            span: spanOf(s.text, s.refersTo.words, start),
            type: 'DATE',
            value: s.refersTo.value,
            refersTo: { value: s.refersTo.value, granularity: s.refersTo.granularity },
            anchor: spec.publishedOn,
            evidence: `"${s.refersTo.words}" → ${s.refersTo.value}`,
          },
        ]
      : [];
    return {
      index,
      text: s.text,
      span: { start, end: start + s.text.length },
      tokens: s.text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? [],
      timexes,
      mentions: (s.mentions ?? []).map((m) => ({ ...m, span: spanOf(s.text, m.text, start) })),
      quantities: (s.quantities ?? []).map((q) => ({ ...q, approximate: false, span: spanOf(s.text, q.text, start) })),
    };
  });
  return {
    article: {
      id: spec.id,
      source: spec.source,
      publishedOn: spec.publishedOn,
      text: spec.sentences.map((s) => s.text).join(' '),
      origin: { file: `${spec.id}.txt` },
    },
    contentHash: spec.id,
    sentences,
  };
}

export const day = (value: IsoDay, words: string): SentenceSpec['refersTo'] => ({ value, granularity: 'day', words });
