// The store contract as tests: one suite that every backend must pass (sqlite.contract.test.ts,
// postgres.contract.test.ts). Backend-specific behaviour (files, servers) is tested beside each.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotatedArticle, DuplicateGroup, Sentence } from '../model.js';
import { openStore } from './index.js';
import type { OpenOptions, Store } from './store.js';
import { inStoreOrder, syntheticArticle, syntheticArticles } from './testing/synthetic.js';

/**
 * Registers the contract tests for one backend. `newLocation` gives where a new, empty store
 * can be made (a file path, a database URL); each test opens it, and reopens it, with openStore.
 */
export function storeContract(name: string, newLocation: () => Promise<string>): void {
  describe(`store contract: ${name}`, () => {
    let location: string | undefined;
    const opened: Store[] = [];

    async function open(options?: OpenOptions): Promise<Store> {
      location ??= await newLocation();
      const store = await openStore(location, options);
      opened.push(store);
      return store;
    }

    async function closeAll(): Promise<void> {
      for (const store of opened.splice(0)) await store.close();
    }

    afterEach(async () => {
      await closeAll();
      location = undefined;
    });

  describe('round trip', () => {
    it('gives back articles deep-equal to what was added, ordered by date then id', async () => {
      const unusual: AnnotatedArticle = plainArticle('odd', '2031-01-05', ['Zoë met the crew 🚢 at dawn.', '']);
      unusual.sentences[0]!.tokens = ['Zoë', 'met', 'the crew', '', '🚢'];
      unusual.sentences[0]!.quantities = [{ text: 'zero boats', span: { start: 0, end: 3 }, value: 0.25, approximate: false, unit: '' }];
      unusual.sentences[0]!.timexes = [
        { text: 'dawn', span: { start: 24, end: 28 }, type: 'TIME', value: '2031-01-05TMO', mod: 'START', refersTo: { value: '2031-01', granularity: 'month' }, anchor: '2031-01-05', evidence: 'morning of the publication day' },
      ];
      const batch = [...syntheticArticles(0, 12), unusual];
      const store = await open();
      await store.add(batch);
      const stored = await store.articles();
      expect(stored).toStrictEqual(inStoreOrder(batch));
      expect(await store.plainArticles()).toStrictEqual(inStoreOrder(batch).map(({ article }) => article));
    });

    it('keeps the round trip after closing and reopening the file', async () => {
      const batch = syntheticArticles(40, 5, { sentences: 3 });
      await (await open()).add(batch);
      await closeAll();
      expect(await (await open()).articles()).toStrictEqual(inStoreOrder(batch));
    });
  });

  describe('add', () => {
    it('stores every new article and reports them as added', async () => {
      const store = await open();
      const result = await store.add(syntheticArticles(0, 4));
      expect(result).toEqual({ added: ['synthetic-0', 'synthetic-1', 'synthetic-2', 'synthetic-3'], alreadyStored: [], renamed: [] });
      const stored = await store.storedContent([syntheticArticle(2).contentHash, syntheticArticle(9).contentHash, syntheticArticle(0).contentHash]);
      expect([...stored].sort()).toEqual([syntheticArticle(0).contentHash, syntheticArticle(2).contentHash].sort());
      expect(await store.storedContent([])).toEqual(new Set());
    });

    it('is idempotent by content: re-adding stores nothing twice', async () => {
      const store = await open();
      await store.add(syntheticArticles(0, 3));
      const before = await store.counts();
      const again = await store.add([...syntheticArticles(0, 3), syntheticArticle(3)]);
      expect(again).toEqual({ added: ['synthetic-3'], alreadyStored: ['synthetic-0', 'synthetic-1', 'synthetic-2'], renamed: [] });
      expect((await store.counts()).articles).toBe(before.articles + 1);
      expect((await store.counts()).sentences).toBe(before.sentences + syntheticArticle(3).sentences.length);
    });

    it('recognises the same content twice in one batch', async () => {
      const store = await open();
      const article = syntheticArticle(7);
      const copy = { ...article, article: { ...article.article, id: 'copy-of-7' } };
      expect(await store.add([article, copy])).toEqual({ added: ['synthetic-7'], alreadyStored: ['synthetic-7'], renamed: [] });
    });

    it('keeps a newcomer whose id is taken by different content under a hash-suffixed id', async () => {
      const store = await open();
      const first = plainArticle('story-1', '2031-03-01', ['The ferry left Osterby.']);
      const second = plainArticle('story-1', '2031-03-02', ['The ferry came back to Osterby.']);
      await store.add([first]);
      const storedId = `story-1~${second.contentHash.slice(0, 8)}`;

      expect(await store.add([second])).toEqual({ added: [storedId], alreadyStored: [], renamed: [{ requestedId: 'story-1', storedId }] });
      expect((await store.articles()).map((a) => a.article.id)).toEqual(['story-1', storedId]);
      expect((await store.articles())[1]!.article.text).toBe(second.article.text);
      // Re-ingesting the newcomer finds it by content, under the id it was stored as.
      expect(await store.add([second])).toEqual({ added: [], alreadyStored: [storedId], renamed: [] });
    });

    it('lands a batch whole or not at all', async () => {
      const store = await open();
      const broken = syntheticArticle(1);
      // Two sentences claiming the same index violate the sentence key half-way through the batch.
      broken.sentences[1] = { ...broken.sentences[1]!, index: 0 };
      await expect(store.add([syntheticArticle(0), broken])).rejects.toThrow();
      expect(await store.counts()).toEqual({ articles: 0, sentences: 0, timexes: 0, duplicateGroups: 0 });
    });
  });

  describe('full-text search', () => {
    async function storeWithHarbourStories(): Promise<Store> {
      const store = await open();
      await store.add([
        plainArticle('both-words-apart', '2031-05-01', ['Dockers gathered at the harbour.', 'The ferry stayed moored all day.']),
        plainArticle('harbour-only', '2031-05-02', ['The harbour was quiet on Sunday.']),
        plainArticle('ferry-strikes', '2031-05-03', ['Ferry crews went on strike at the harbour.', 'More strikes may follow, the ferry union said.']),
        plainArticle('unrelated', '2031-05-04', ['Lantern makers opened a market in Wrenmouth.']),
      ]);
      return store;
    }

    it('finds articles that contain every query word, even in different sentences', async () => {
      const store = await storeWithHarbourStories();
      expect((await store.articles({ query: 'harbour ferry' })).map((a) => a.article.id)).toEqual(['both-words-apart', 'ferry-strikes']);
      expect((await store.articles({ query: 'harbour' })).map((a) => a.article.id)).toEqual(['both-words-apart', 'harbour-only', 'ferry-strikes']);
      expect(await store.articles({ query: 'harbour lantern' })).toEqual([]);
    });

    it('folds case, accents and word endings', async () => {
      const store = await storeWithHarbourStories();
      expect((await store.articles({ query: 'STRIKES' })).map((a) => a.article.id)).toEqual(['ferry-strikes']);
      expect((await store.articles({ query: 'wrenmoüth' })).map((a) => a.article.id)).toEqual(['unrelated']);
    });

    it('treats FTS operators and stray quotes as plain words instead of failing', async () => {
      const store = await storeWithHarbourStories();
      expect((await store.articles({ query: 'harbour AND NEAR( "quiet' })).map((a) => a.article.id)).toEqual([]);
      expect((await store.articles({ query: 'quiet "harbour' })).map((a) => a.article.id)).toEqual(['harbour-only']);
      expect(await store.searchSentences('ferry* OR col:harbour')).toEqual([]);
    });

    it('does not restrict articles by a query without any word', async () => {
      const store = await storeWithHarbourStories();
      expect(await store.articles({ query: '  -- ... ' })).toHaveLength(4);
      expect(await store.searchSentences(' ?! ')).toEqual([]);
    });

    it('ranks sentences by bm25, best first, and honours the limit', async () => {
      const store = await storeWithHarbourStories();
      const hits = await store.searchSentences('ferry');
      expect(hits.map((h) => [h.articleId, h.sentenceIndex])).toEqual([
        ['both-words-apart', 1],
        ['ferry-strikes', 0],
        ['ferry-strikes', 1],
      ]);
      expect(hits[0]).toMatchObject({ text: 'The ferry stayed moored all day.', publishedOn: '2031-05-01', source: 'test-gazette' });
      const ranks = hits.map((h) => h.rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(await store.searchSentences('ferry', 1)).toEqual(hits.slice(0, 1));
    });

    it('ranks a sentence that repeats a rare word above one that mentions it once', async () => {
      const store = await open();
      await store.add([
        plainArticle('once', '2031-06-01', ['A lantern hung by the door of the old harbour office near the pier.']),
        plainArticle('twice', '2031-06-02', ['Lantern after lantern lit the pier.']),
      ]);
      expect((await store.searchSentences('lantern pier')).map((h) => h.articleId)).toEqual(['twice', 'once']);
    });
  });

  describe('date filters', () => {
    it('keeps articles published within the inclusive bounds, combinable with a query', async () => {
      const store = await open();
      await store.add([
        plainArticle('jan-31', '2031-01-31', ['The ferry sailed.']),
        plainArticle('feb-01', '2031-02-01', ['The ferry sailed again.']),
        plainArticle('feb-15', '2031-02-15', ['The market opened.']),
        plainArticle('feb-28', '2031-02-28', ['The ferry was late.']),
        plainArticle('mar-01', '2031-03-01', ['The ferry was early.']),
      ]);
      const ids = async (filter: Parameters<Store['articles']>[0]) => (await store.articles(filter)).map((a) => a.article.id);
      expect(await ids({ from: '2031-02-01', to: '2031-02-28' })).toEqual(['feb-01', 'feb-15', 'feb-28']);
      expect(await ids({ from: '2031-02-15' })).toEqual(['feb-15', 'feb-28', 'mar-01']);
      expect(await ids({ to: '2031-01-31' })).toEqual(['jan-31']);
      expect(await ids({ from: '2031-02-01', to: '2031-02-28', query: 'ferry' })).toEqual(['feb-01', 'feb-28']);
    });
  });

  describe('duplicate groups', () => {
    it('replaces the stored groups as a whole', async () => {
      const store = await open();
      await store.add(syntheticArticles(0, 5));
      const groups: DuplicateGroup[] = [
        { representativeId: 'synthetic-0', memberIds: ['synthetic-0', 'synthetic-3', 'synthetic-1'], kind: 'exact' },
        { representativeId: 'synthetic-2', memberIds: ['synthetic-2', 'synthetic-4'], kind: 'near' },
      ];
      await store.replaceDuplicateGroups(groups);
      expect(await store.duplicateGroups()).toStrictEqual(groups);

      const regrouped: DuplicateGroup[] = [{ representativeId: 'synthetic-1', memberIds: ['synthetic-1', 'synthetic-4'], kind: 'near' }];
      await store.replaceDuplicateGroups(regrouped);
      expect(await store.duplicateGroups()).toStrictEqual(regrouped);
      expect((await store.counts()).duplicateGroups).toBe(1);

      await store.replaceDuplicateGroups([]);
      expect(await store.duplicateGroups()).toEqual([]);
    });

    it('refuses groups naming articles that are not stored, keeping the previous groups', async () => {
      const store = await open();
      await store.add(syntheticArticles(0, 2));
      const groups: DuplicateGroup[] = [{ representativeId: 'synthetic-0', memberIds: ['synthetic-0', 'synthetic-1'], kind: 'exact' }];
      await store.replaceDuplicateGroups(groups);
      await expect(
        store.replaceDuplicateGroups([{ representativeId: 'synthetic-0', memberIds: ['synthetic-0', 'no-such-article'], kind: 'near' }]),
      ).rejects.toThrow(/foreign key/i);
      expect(await store.duplicateGroups()).toStrictEqual(groups);
    });
  });

  describe('counts', () => {
    it('counts articles, sentences, timexes and duplicate groups', async () => {
      const store = await open();
      expect(await store.counts()).toEqual({ articles: 0, sentences: 0, timexes: 0, duplicateGroups: 0 });
      const batch = syntheticArticles(0, 6, { sentences: 5 });
      batch[0]!.sentences[0]!.timexes.push({ ...batch[0]!.sentences[0]!.timexes[0]! });
      await store.add(batch);
      await store.replaceDuplicateGroups([{ representativeId: 'synthetic-0', memberIds: ['synthetic-0', 'synthetic-5'], kind: 'near' }]);
      expect(await store.counts()).toEqual({ articles: 6, sentences: 30, timexes: 31, duplicateGroups: 1 });
    });
  });

  describe('read-only', () => {
    it('reads a store without being able to change it', async () => {
      const batch = syntheticArticles(0, 3);
      await (await open()).add(batch);
      await closeAll();
      const store = await open({ readonly: true });
      expect(await store.articles()).toStrictEqual(batch);
      expect(await store.searchSentences('counted', 1)).toHaveLength(1);
      await expect(store.add(syntheticArticles(3, 1))).rejects.toThrow(/read-?only/);
    });
  });
  });
}

/** A hand-made article: sentences are the given strings joined by single spaces, no annotations. */
export function plainArticle(id: string, publishedOn: string, sentenceTexts: string[], source = 'test-gazette'): AnnotatedArticle {
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
