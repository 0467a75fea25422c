import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotatedArticle, DuplicateGroup, Sentence } from '../model.js';
import { migrations } from './schema/migrations.js';
import { migrate, schemaVersion } from './schema/migrate.js';
import { openSqliteStore, StoreFileError } from './sqlite.js';
import type { Store } from './store.js';
import { inStoreOrder, syntheticArticle, syntheticArticles } from './testing/synthetic.js';

let folder: string;
let file: string;
const opened: Store[] = [];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'chronicle-store-'));
  file = join(folder, 'store.sqlite');
});

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  rmSync(folder, { recursive: true, force: true });
});

function open(options?: { readonly?: boolean }): Store {
  const store = openSqliteStore(file, options);
  opened.push(store);
  return store;
}

function closeAll(): void {
  for (const store of opened.splice(0)) store.close();
}

/** A hand-made article: sentences are the given strings joined by single spaces, no annotations. */
function plainArticle(id: string, publishedOn: string, sentenceTexts: string[], source = 'test-gazette'): AnnotatedArticle {
  const text = sentenceTexts.join(' ');
  let offset = 0;
  const sentences: Sentence[] = sentenceTexts.map((sentenceText, index) => {
    const span = { start: offset, end: offset + sentenceText.length };
    offset = span.end + 1;
    return { index, text: sentenceText, span, tokens: sentenceText.split(' '), timexes: [], mentions: [], quantities: [] };
  });
  return {
    article: { id, source, publishedOn, text, origin: { file: `${id}.txt` } },
    contentHash: createHash('sha256').update(text).digest('hex'),
    sentences,
  };
}

describe('round trip', () => {
  it('gives back articles deep-equal to what was added, ordered by date then id', () => {
    const unusual: AnnotatedArticle = plainArticle('odd', '2031-01-05', ['Zoë met the crew 🚢 at dawn.', '']);
    unusual.sentences[0]!.tokens = ['Zoë', 'met', 'the crew', '', '🚢'];
    unusual.sentences[0]!.quantities = [{ text: 'zero boats', span: { start: 0, end: 3 }, value: 0.25, approximate: false, unit: '' }];
    unusual.sentences[0]!.timexes = [
      { text: 'dawn', span: { start: 24, end: 28 }, type: 'TIME', value: '2031-01-05TMO', mod: 'START', refersTo: { value: '2031-01', granularity: 'month' }, anchor: '2031-01-05', evidence: 'morning of the publication day' },
    ];
    const batch = [...syntheticArticles(0, 12), unusual];
    const store = open();
    store.add(batch);
    const stored = store.articles();
    expect(stored).toStrictEqual(inStoreOrder(batch));
    expect(store.plainArticles()).toStrictEqual(inStoreOrder(batch).map(({ article }) => article));
  });

  it('keeps the round trip after closing and reopening the file', () => {
    const batch = syntheticArticles(40, 5, { sentences: 3 });
    open().add(batch);
    closeAll();
    expect(open().articles()).toStrictEqual(inStoreOrder(batch));
  });
});

describe('add', () => {
  it('stores every new article and reports them as added', () => {
    const store = open();
    const result = store.add(syntheticArticles(0, 4));
    expect(result).toEqual({ added: ['synthetic-0', 'synthetic-1', 'synthetic-2', 'synthetic-3'], alreadyStored: [], renamed: [] });
    expect(store.hasContent(syntheticArticle(2).contentHash)).toBe(true);
    expect(store.hasContent(syntheticArticle(9).contentHash)).toBe(false);
  });

  it('is idempotent by content: re-adding stores nothing twice', () => {
    const store = open();
    store.add(syntheticArticles(0, 3));
    const before = store.counts();
    const again = store.add([...syntheticArticles(0, 3), syntheticArticle(3)]);
    expect(again).toEqual({ added: ['synthetic-3'], alreadyStored: ['synthetic-0', 'synthetic-1', 'synthetic-2'], renamed: [] });
    expect(store.counts().articles).toBe(before.articles + 1);
    expect(store.counts().sentences).toBe(before.sentences + syntheticArticle(3).sentences.length);
  });

  it('recognises the same content twice in one batch', () => {
    const store = open();
    const article = syntheticArticle(7);
    const copy = { ...article, article: { ...article.article, id: 'copy-of-7' } };
    expect(store.add([article, copy])).toEqual({ added: ['synthetic-7'], alreadyStored: ['synthetic-7'], renamed: [] });
  });

  it('keeps a newcomer whose id is taken by different content under a hash-suffixed id', () => {
    const store = open();
    const first = plainArticle('story-1', '2031-03-01', ['The ferry left Osterby.']);
    const second = plainArticle('story-1', '2031-03-02', ['The ferry came back to Osterby.']);
    store.add([first]);
    const storedId = `story-1~${second.contentHash.slice(0, 8)}`;

    expect(store.add([second])).toEqual({ added: [storedId], alreadyStored: [], renamed: [{ requestedId: 'story-1', storedId }] });
    expect(store.articles().map((a) => a.article.id)).toEqual(['story-1', storedId]);
    expect(store.articles()[1]!.article.text).toBe(second.article.text);
    // Re-ingesting the newcomer finds it by content, under the id it was stored as.
    expect(store.add([second])).toEqual({ added: [], alreadyStored: [storedId], renamed: [] });
  });

  it('lands a batch whole or not at all', () => {
    const store = open();
    const broken = syntheticArticle(1);
    // Two sentences claiming the same index violate the sentence key half-way through the batch.
    broken.sentences[1] = { ...broken.sentences[1]!, index: 0 };
    expect(() => store.add([syntheticArticle(0), broken])).toThrow();
    expect(store.counts()).toEqual({ articles: 0, sentences: 0, timexes: 0, duplicateGroups: 0 });
  });
});

describe('full-text search', () => {
  function storeWithHarbourStories(): Store {
    const store = open();
    store.add([
      plainArticle('both-words-apart', '2031-05-01', ['Dockers gathered at the harbour.', 'The ferry stayed moored all day.']),
      plainArticle('harbour-only', '2031-05-02', ['The harbour was quiet on Sunday.']),
      plainArticle('ferry-strikes', '2031-05-03', ['Ferry crews went on strike at the harbour.', 'More strikes may follow, the ferry union said.']),
      plainArticle('unrelated', '2031-05-04', ['Lantern makers opened a market in Wrenmouth.']),
    ]);
    return store;
  }

  it('finds articles that contain every query word, even in different sentences', () => {
    const store = storeWithHarbourStories();
    expect(store.articles({ query: 'harbour ferry' }).map((a) => a.article.id)).toEqual(['both-words-apart', 'ferry-strikes']);
    expect(store.articles({ query: 'harbour' }).map((a) => a.article.id)).toEqual(['both-words-apart', 'harbour-only', 'ferry-strikes']);
    expect(store.articles({ query: 'harbour lantern' })).toEqual([]);
  });

  it('folds case, accents and word endings', () => {
    const store = storeWithHarbourStories();
    expect(store.articles({ query: 'STRIKES' }).map((a) => a.article.id)).toEqual(['ferry-strikes']);
    expect(store.articles({ query: 'wrenmoüth' }).map((a) => a.article.id)).toEqual(['unrelated']);
  });

  it('treats FTS operators and stray quotes as plain words instead of failing', () => {
    const store = storeWithHarbourStories();
    expect(store.articles({ query: 'harbour AND NEAR( "quiet' }).map((a) => a.article.id)).toEqual([]);
    expect(store.articles({ query: 'quiet "harbour' }).map((a) => a.article.id)).toEqual(['harbour-only']);
    expect(store.searchSentences('ferry* OR col:harbour')).toEqual([]);
  });

  it('does not restrict articles by a query without any word', () => {
    const store = storeWithHarbourStories();
    expect(store.articles({ query: '  -- ... ' })).toHaveLength(4);
    expect(store.searchSentences(' ?! ')).toEqual([]);
  });

  it('ranks sentences by bm25, best first, and honours the limit', () => {
    const store = storeWithHarbourStories();
    const hits = store.searchSentences('ferry');
    expect(hits.map((h) => [h.articleId, h.sentenceIndex])).toEqual([
      ['both-words-apart', 1],
      ['ferry-strikes', 0],
      ['ferry-strikes', 1],
    ]);
    expect(hits[0]).toMatchObject({ text: 'The ferry stayed moored all day.', publishedOn: '2031-05-01', source: 'test-gazette' });
    const ranks = hits.map((h) => h.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(store.searchSentences('ferry', 1)).toEqual(hits.slice(0, 1));
  });

  it('ranks a sentence that repeats a rare word above one that mentions it once', () => {
    const store = open();
    store.add([
      plainArticle('once', '2031-06-01', ['A lantern hung by the door of the old harbour office near the pier.']),
      plainArticle('twice', '2031-06-02', ['Lantern after lantern lit the pier.']),
    ]);
    expect(store.searchSentences('lantern pier').map((h) => h.articleId)).toEqual(['twice', 'once']);
  });
});

describe('date filters', () => {
  it('keeps articles published within the inclusive bounds, combinable with a query', () => {
    const store = open();
    store.add([
      plainArticle('jan-31', '2031-01-31', ['The ferry sailed.']),
      plainArticle('feb-01', '2031-02-01', ['The ferry sailed again.']),
      plainArticle('feb-15', '2031-02-15', ['The market opened.']),
      plainArticle('feb-28', '2031-02-28', ['The ferry was late.']),
      plainArticle('mar-01', '2031-03-01', ['The ferry was early.']),
    ]);
    const ids = (filter: Parameters<Store['articles']>[0]) => store.articles(filter).map((a) => a.article.id);
    expect(ids({ from: '2031-02-01', to: '2031-02-28' })).toEqual(['feb-01', 'feb-15', 'feb-28']);
    expect(ids({ from: '2031-02-15' })).toEqual(['feb-15', 'feb-28', 'mar-01']);
    expect(ids({ to: '2031-01-31' })).toEqual(['jan-31']);
    expect(ids({ from: '2031-02-01', to: '2031-02-28', query: 'ferry' })).toEqual(['feb-01', 'feb-28']);
  });
});

describe('duplicate groups', () => {
  it('replaces the stored groups as a whole', () => {
    const store = open();
    store.add(syntheticArticles(0, 5));
    const groups: DuplicateGroup[] = [
      { representativeId: 'synthetic-0', memberIds: ['synthetic-0', 'synthetic-3', 'synthetic-1'], kind: 'exact' },
      { representativeId: 'synthetic-2', memberIds: ['synthetic-2', 'synthetic-4'], kind: 'near' },
    ];
    store.replaceDuplicateGroups(groups);
    expect(store.duplicateGroups()).toStrictEqual(groups);

    const regrouped: DuplicateGroup[] = [{ representativeId: 'synthetic-1', memberIds: ['synthetic-1', 'synthetic-4'], kind: 'near' }];
    store.replaceDuplicateGroups(regrouped);
    expect(store.duplicateGroups()).toStrictEqual(regrouped);
    expect(store.counts().duplicateGroups).toBe(1);

    store.replaceDuplicateGroups([]);
    expect(store.duplicateGroups()).toEqual([]);
  });

  it('refuses groups naming articles that are not stored, keeping the previous groups', () => {
    const store = open();
    store.add(syntheticArticles(0, 2));
    const groups: DuplicateGroup[] = [{ representativeId: 'synthetic-0', memberIds: ['synthetic-0', 'synthetic-1'], kind: 'exact' }];
    store.replaceDuplicateGroups(groups);
    expect(() =>
      store.replaceDuplicateGroups([{ representativeId: 'synthetic-0', memberIds: ['synthetic-0', 'no-such-article'], kind: 'near' }]),
    ).toThrow(/FOREIGN KEY/);
    expect(store.duplicateGroups()).toStrictEqual(groups);
  });
});

describe('counts', () => {
  it('counts articles, sentences, timexes and duplicate groups', () => {
    const store = open();
    expect(store.counts()).toEqual({ articles: 0, sentences: 0, timexes: 0, duplicateGroups: 0 });
    const batch = syntheticArticles(0, 6, { sentences: 5 });
    batch[0]!.sentences[0]!.timexes.push({ ...batch[0]!.sentences[0]!.timexes[0]! });
    store.add(batch);
    store.replaceDuplicateGroups([{ representativeId: 'synthetic-0', memberIds: ['synthetic-0', 'synthetic-5'], kind: 'near' }]);
    expect(store.counts()).toEqual({ articles: 6, sentences: 30, timexes: 31, duplicateGroups: 1 });
  });
});

describe('read-only', () => {
  it('reads a store without being able to change it', () => {
    const batch = syntheticArticles(0, 3);
    open().add(batch);
    closeAll();
    const store = open({ readonly: true });
    expect(store.articles()).toStrictEqual(batch);
    expect(store.searchSentences('counted', 1)).toHaveLength(1);
    expect(() => store.add(syntheticArticles(3, 1))).toThrow(/readonly/);
  });

  it('refuses a missing file without creating it', () => {
    expect(() => open({ readonly: true })).toThrow(StoreFileError);
    expect(() => open({ readonly: true })).toThrow(`cannot use store '${file}': the file cannot be opened`);
  });

  it('refuses an empty file: it is not a store yet', () => {
    writeFileSync(file, '');
    expect(() => open({ readonly: true })).toThrow(`cannot use store '${file}': it is not a chronicle store`);
  });

  it('refuses a store at an older schema version instead of reading it half-migrated', () => {
    const db = new Database(file);
    migrate(db, migrations.slice(0, 1));
    db.close();
    expect(() => open({ readonly: true })).toThrow(/written by an older chronicle \(schema version 1, current 3\)/);
  });
});

describe('unusable files', () => {
  it('names the file and says it is not a database', () => {
    writeFileSync(file, 'harbour notes, definitely not SQLite\n'.repeat(200));
    for (const readonly of [false, true]) {
      expect(() => open({ readonly })).toThrow(`cannot use store '${file}': it is not a SQLite database`);
    }
    expect(readFileSync(file, 'utf8')).toBe('harbour notes, definitely not SQLite\n'.repeat(200));
  });

  it('names the file and says it is corrupt when the schema pages are damaged', () => {
    open().add(syntheticArticles(0, 50));
    closeAll();
    const bytes = readFileSync(file);
    // Page 1 holds the schema; scribble over it after the 100-byte file header.
    bytes.fill(0xa5, 100, 4096);
    writeFileSync(file, bytes);
    for (const readonly of [false, true]) {
      expect(() => open({ readonly })).toThrow(`cannot use store '${file}': the database file is corrupt`);
    }
  });

  it('will not add its tables to another program’s database', () => {
    const db = new Database(file);
    db.exec('CREATE TABLE recipes (name TEXT)');
    db.close();
    expect(() => open()).toThrow(`cannot use store '${file}': it is a SQLite database of some other program`);
    const after = new Database(file, { readonly: true });
    expect(after.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all()).toEqual(['recipes']);
    after.close();
  });

  it('refuses a store written by a newer program', () => {
    open().close();
    const db = new Database(file);
    db.prepare(`INSERT INTO schema_migrations VALUES (?, 'from the future', '2099-01-01')`).run(migrations.length + 1);
    db.close();
    expect(() => open()).toThrow(`cannot use store '${file}': store schema version ${migrations.length + 1} is newer than this program understands`);
  });
});

describe('migrations', () => {
  it('bring a fresh file to the current version, and reopening changes nothing', () => {
    open();
    closeAll();
    const readVersions = () => {
      const db = new Database(file, { readonly: true });
      const versions = db.prepare('SELECT version, description FROM schema_migrations ORDER BY version').all();
      const version = schemaVersion(db);
      db.close();
      return { version, versions };
    };
    const first = readVersions();
    expect(first.version).toBe(migrations.length);
    expect(first.versions).toEqual(migrations.map((m, i) => ({ version: i + 1, description: m.description })));
    open();
    closeAll();
    expect(readVersions()).toEqual(first);
  });

  it('upgrade an old file, indexing the sentences it already holds', () => {
    const db = new Database(file);
    migrate(db, migrations.slice(0, 1));
    const old = plainArticle('from-v1', '2031-04-01', ['The old ferry log mentions a storm.', 'Nobody sailed.']);
    const seq = db
      .prepare(`INSERT INTO articles (id, content_hash, source, published_on, text, origin_file) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(old.article.id, old.contentHash, old.article.source, old.article.publishedOn, old.article.text, old.article.origin.file).lastInsertRowid;
    const insertSentence = db.prepare(
      `INSERT INTO sentences (article_seq, idx, span_start, span_end, text, annotations, timex_count) VALUES (?, ?, ?, ?, ?, ?, 0)`,
    );
    for (const s of old.sentences) {
      insertSentence.run(seq, s.index, s.span.start, s.span.end, s.text, JSON.stringify({ tokens: s.tokens, timexes: [], mentions: [], quantities: [] }));
    }
    db.close();

    const store = open();
    expect(store.articles()).toStrictEqual([old]);
    expect(store.articles({ query: 'storm' }).map((a) => a.article.id)).toEqual(['from-v1']);
    expect(store.searchSentences('storm').map((h) => [h.articleId, h.sentenceIndex])).toEqual([['from-v1', 0]]);
  });
});
