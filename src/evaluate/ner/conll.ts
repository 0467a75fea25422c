// Reading CoNLL-2003 style NER files and turning each document into the article the judges score:
// tokens joined by single spaces, sentences by newlines, gold entities as character spans into it.
// The reader is pure (text in, documents out) so that tests can feed it small invented samples.

/** The entity classes of CoNLL-2003. MISC is read so that scoring can set it aside. */
export type ConllClass = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface ConllSentence {
  words: string[];
  /** The NER column as written (IOB1 or IOB2), one per word. */
  tags: string[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

/** A gold or predicted entity: a character span into the article text, and its class. */
export interface EntitySpan {
  start: number;
  end: number;
  type: ConllClass;
}

/** A document as one article: its text and its gold entities in text order. */
export interface ConllArticle {
  text: string;
  entities: EntitySpan[];
}

const CLASSES: ReadonlySet<string> = new Set(['PER', 'ORG', 'LOC', 'MISC']);

/**
 * Documents of a CoNLL file: one token a line, the NER tag in the last column, blank lines between
 * sentences and `-DOCSTART-` lines between documents. A file without any `-DOCSTART-` is one document.
 */
export function parseConll(content: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let sentences: ConllSentence[] = [];
  let current: ConllSentence = { words: [], tags: [] };
  const endSentence = () => {
    if (current.words.length > 0) sentences.push(current);
    current = { words: [], tags: [] };
  };
  const endDocument = () => {
    endSentence();
    if (sentences.length > 0) documents.push({ sentences });
    sentences = [];
  };
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') {
      endSentence();
      continue;
    }
    const columns = line.split(/\s+/);
    if (columns[0] === '-DOCSTART-') {
      endDocument();
      continue;
    }
    if (columns.length < 2) throw new Error(`not a CoNLL line (word … tag expected): ${line.slice(0, 60)}`);
    current.words.push(columns[0] as string);
    current.tags.push(columns[columns.length - 1] as string);
  }
  endDocument();
  return documents;
}

/**
 * Entities of one sentence as word ranges [start, end). Accepts IOB2 and IOB1: an I- tag whose class
 * differs from the entity before it, or that follows O, opens a new entity.
 */
export function entitiesOfTags(tags: readonly string[]): { start: number; end: number; type: ConllClass }[] {
  const entities: { start: number; end: number; type: ConllClass }[] = [];
  let open: { start: number; type: ConllClass } | undefined;
  const close = (end: number) => {
    if (open !== undefined) entities.push({ start: open.start, end, type: open.type });
    open = undefined;
  };
  tags.forEach((tag, i) => {
    const [prefix, type] = tag.split('-', 2) as [string, string | undefined];
    if (type === undefined || !CLASSES.has(type) || (prefix !== 'B' && prefix !== 'I')) {
      close(i);
      return;
    }
    if (prefix === 'B' || open === undefined || open.type !== type) {
      close(i);
      open = { start: i, type: type as ConllClass };
    }
  });
  close(tags.length);
  return entities;
}

/** The scoring convention's article: words joined by single spaces, sentences by newlines. */
export function articleOfDocument(document: ConllDocument): ConllArticle {
  const lines: string[] = [];
  const entities: EntitySpan[] = [];
  let offset = 0;
  for (const sentence of document.sentences) {
    const starts: number[] = [];
    let position = offset;
    for (const word of sentence.words) {
      starts.push(position);
      position += word.length + 1;
    }
    for (const entity of entitiesOfTags(sentence.tags)) {
      const lastWord = entity.end - 1;
      entities.push({
        start: starts[entity.start] as number,
        end: (starts[lastWord] as number) + (sentence.words[lastWord] as string).length,
        type: entity.type,
      });
    }
    const line = sentence.words.join(' ');
    lines.push(line);
    offset += line.length + 1;
  }
  return { text: lines.join('\n'), entities };
}
