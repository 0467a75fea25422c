// The store contract as tests: one suite that every backend must pass (sqlite.contract.test.ts,
// postgres.contract.test.ts). Backend-specific behaviour (files, servers) is tested beside each.
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotatedArticle, DateRef, Sentence, TextFingerprint } from '../../../src/model.js';
import { duplicateDetector } from '../../../src/select/index.js';
import { openStore } from '../../../src/store/index.js';
import type { OpenOptions, Store } from '../../../src/store/store.js';
import { inStoreOrder, ready, syntheticArticle, syntheticArticles } from './synthetic.js';

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
        unusual.sentences[0]!.quantities = [
          { text: 'zero boats', span: { start: 0, end: 3 }, value: 0.25, approximate: false, unit: '' },
        ];
        unusual.sentences[0]!.timexes = [
          {
            text: 'dawn',
            span: { start: 24, end: 28 },
            type: 'TIME',
            value: '2031-01-05TMO',
            mod: 'START',
            refersTo: { value: '2031-01', granularity: 'month' },
            anchor: '2031-01-05',
            evidence: 'morning of the publication day',
          },
        ];
        const batch = [...syntheticArticles(0, 12), unusual];
        const store = await open();
        await store.add(ready(batch), duplicateDetector);
        const stored = await store.articles();
        expect(stored).toStrictEqual(inStoreOrder(batch));
        for (const article of batch) expect(await store.article(article.article.id)).toStrictEqual(article);
        expect(await store.article('no-such-article')).toBeUndefined();
      });

      it('keeps the round trip after closing and reopening the file', async () => {
        const batch = syntheticArticles(40, 5, { sentences: 3 });
        await (await open()).add(ready(batch), duplicateDetector);
        await closeAll();
        expect(await (await open()).articles()).toStrictEqual(inStoreOrder(batch));
      });
    });

    describe('add', () => {
      it('stores every new article and reports them as added', async () => {
        const store = await open();
        const result = await store.add(ready(syntheticArticles(0, 4)), duplicateDetector);
        expect(result).toEqual({
          added: ['synthetic-0', 'synthetic-1', 'synthetic-2', 'synthetic-3'],
          alreadyStored: [],
          renamed: [],
        });
        const [zero, two, nine] = ready([0, 2, 9].map((n) => syntheticArticle(n))).map((storable) => storable.identity);
        const stored = await store.storedIdentities([two!, nine!, zero!]);
        expect([...stored].sort()).toEqual([zero, two].sort());
        expect(await store.storedIdentities([])).toEqual(new Set());
      });

      it('is idempotent by outlet, day and text: re-adding stores nothing twice', async () => {
        const store = await open();
        await store.add(ready(syntheticArticles(0, 3)), duplicateDetector);
        const before = await store.counts();
        const again = await store.add(ready([...syntheticArticles(0, 3), syntheticArticle(3)]), duplicateDetector);
        expect(again).toEqual({
          added: ['synthetic-3'],
          alreadyStored: ['synthetic-0', 'synthetic-1', 'synthetic-2'],
          renamed: [],
        });
        expect((await store.counts()).articles).toBe(before.articles + 1);
        expect((await store.counts()).sentences).toBe(before.sentences + syntheticArticle(3).sentences.length);
      });

      it('recognises the same article twice in one batch, whatever id a feed gave it', async () => {
        const store = await open();
        const article = syntheticArticle(7);
        const copy = { ...article, article: { ...article.article, id: 'copy-of-7' } };
        expect(await store.add(ready([article, copy]), duplicateDetector)).toEqual({
          added: ['synthetic-7'],
          alreadyStored: ['synthetic-7'],
          renamed: [],
        });
      });

      it('keeps the same text from another outlet or another day as an article of its own, grouped as an exact copy', async () => {
        const store = await open();
        const wire = [
          'Ferry crews walked out at the Osterby quay on Monday.',
          'The port authority said talks would resume within a week.',
        ];
        const original = plainArticle('wire-1', '2031-03-02', wire, 'coast-wire');
        const otherOutlet = plainArticle('post-1', '2031-03-02', wire, 'harbour-post');
        const nextDay = plainArticle('wire-2', '2031-03-03', wire, 'coast-wire');
        expect(await store.add(ready([original, otherOutlet, nextDay]), duplicateDetector)).toEqual({
          added: ['wire-1', 'post-1', 'wire-2'],
          alreadyStored: [],
          renamed: [],
        });
        expect(await store.duplicateGroups()).toEqual([
          { representativeId: 'post-1', memberIds: ['post-1', 'wire-1', 'wire-2'], kind: 'exact' },
        ]);
        // The same outlet's article again, under the same or another id, is still one article.
        const again = { ...original, article: { ...original.article, id: 'wire-1-resent' } };
        expect(await store.add(ready([original, again]), duplicateDetector)).toEqual({
          added: [],
          alreadyStored: ['wire-1', 'wire-1'],
          renamed: [],
        });
      });

      it('keeps a newcomer whose id is taken by another article under an identity-suffixed id', async () => {
        const store = await open();
        const first = plainArticle('story-1', '2031-03-01', ['The ferry left Osterby.']);
        const second = plainArticle('story-1', '2031-03-02', ['The ferry came back to Osterby.']);
        await store.add(ready([first]), duplicateDetector);
        const storedId = `story-1~${ready([second])[0]!.identity.slice(0, 8)}`;

        expect(await store.add(ready([second]), duplicateDetector)).toEqual({
          added: [storedId],
          alreadyStored: [],
          renamed: [{ requestedId: 'story-1', storedId }],
        });
        expect((await store.articles()).map((a) => a.article.id)).toEqual(['story-1', storedId]);
        expect((await store.articles())[1]!.article.text).toBe(second.article.text);
        // Re-ingesting the newcomer finds it by its identity, under the id it was stored as.
        expect(await store.add(ready([second]), duplicateDetector)).toEqual({
          added: [],
          alreadyStored: [storedId],
          renamed: [],
        });
      });

      it('lands a batch whole or not at all', async () => {
        const store = await open();
        const broken = syntheticArticle(1);
        // An article without an outlet violates a NOT NULL column half-way through the batch.
        broken.article = { ...broken.article, source: null as unknown as string };
        await expect(store.add(ready([syntheticArticle(0), broken]), duplicateDetector)).rejects.toThrow();
        expect(await store.counts()).toEqual({
          articles: 0,
          sentences: 0,
          timexes: 0,
          duplicateGroups: 0,
          duplicates: 0,
        });
      });
    });

    describe('selection', () => {
      async function storeWithHarbourStories(): Promise<Store> {
        const store = await open();
        await store.add(
          ready([
            plainArticle('both-words-apart', '2031-05-01', [
              'Dockers gathered at the harbour.',
              'The ferry stayed moored all day.',
            ]),
            plainArticle('harbour-only', '2031-05-02', ['The harbour was quiet on Sunday.'], 'coast-post'),
            plainArticle('ferry-strikes', '2031-05-03', [
              'Ferry crews went on strike at the harbour.',
              'More strikes may follow, the ferry union said.',
            ]),
            plainArticle('unrelated', '2031-05-04', ['Lantern makers opened a market in Wrenmouth.']),
            {
              ...plainArticle('headline', '2031-05-05', ['Crews were back at work.']),
              article: {
                ...plainArticle('headline', '2031-05-05', ['Crews were back at work.']).article,
                title: 'Osterby ferry returns',
              },
            },
          ]),
          duplicateDetector,
        );
        return store;
      }

      it('finds articles that contain every word of an alternative, even in different sentences', async () => {
        const store = await storeWithHarbourStories();
        expect(idsOf(await store.articles({ query: 'harbour ferry' }))).toEqual(['both-words-apart', 'ferry-strikes']);
        expect(idsOf(await store.articles({ query: 'harbour' }))).toEqual([
          'both-words-apart',
          'harbour-only',
          'ferry-strikes',
        ]);
        expect(idsOf(await store.articles({ query: 'harbour lantern' }))).toEqual([]);
        expect(idsOf(await store.articles({ query: 'harbour lantern, wrenmouth' }))).toEqual(['unrelated']);
      });

      it('matches words as case-folded prefixes, in the headline too', async () => {
        const store = await storeWithHarbourStories();
        expect(idsOf(await store.articles({ query: 'STRIKE' }))).toEqual(['ferry-strikes']);
        expect(idsOf(await store.articles({ query: 'strikes' }))).toEqual(['ferry-strikes']);
        expect(idsOf(await store.articles({ query: 'osterby' }))).toEqual(['headline']);
        expect(idsOf(await store.articles({ query: 'wren' }))).toEqual(['unrelated']);
      });

      it('matches the topic in the headline and lead only, a name anywhere', async () => {
        const store = await open();
        const passing = plainArticle('passing', '2031-05-06', [
          'Lantern makers met.',
          'Stalls opened.',
          'Crowds came.',
          'A ferry was late.',
        ]);
        await store.add(ready([passing]), duplicateDetector);
        expect(idsOf(await store.articles({ query: 'ferry' }))).toEqual([]);
        expect(idsOf(await store.articles({ query: 'crowds' }))).toEqual(['passing']);
        expect(idsOf(await store.articles({ entity: 'ferry' }))).toEqual(['passing']);
      });

      it('treats FTS operators and stray quotes as plain words instead of failing', async () => {
        const store = await storeWithHarbourStories();
        expect(idsOf(await store.articles({ query: 'harbour AND NEAR( "quiet' }))).toEqual([]);
        expect(idsOf(await store.articles({ query: 'quiet "harbour' }))).toEqual(['harbour-only']);
        expect(idsOf(await store.articles({ query: 'ferry* OR col:harbour' }))).toEqual([]);
        expect(idsOf(await store.articles({ query: "quiet':* | !" }))).toEqual(['harbour-only']);
      });

      it('does not restrict articles by a query without any word', async () => {
        const store = await storeWithHarbourStories();
        expect(await store.articles({ query: '  -- ... , ' })).toHaveLength(5);
      });

      it('narrows by outlet, and by the words of an entity', async () => {
        const store = await storeWithHarbourStories();
        expect(idsOf(await store.articles({ query: 'harbour', source: 'coast-post' }))).toEqual(['harbour-only']);
        expect(idsOf(await store.articles({ source: 'no-such-outlet' }))).toEqual([]);
        // The entity's words are required; whether the annotator found the name is the caller's check.
        expect(idsOf(await store.articles({ entity: 'Wrenmouth' }))).toEqual(['unrelated']);
      });

      it('keeps articles published within the inclusive bounds, combinable with a query', async () => {
        const store = await open();
        await store.add(
          ready([
            plainArticle('jan-31', '2031-01-31', ['The ferry sailed.']),
            plainArticle('feb-01', '2031-02-01', ['The ferry sailed again.']),
            plainArticle('feb-15', '2031-02-15', ['The market opened.']),
            plainArticle('feb-28', '2031-02-28', ['The ferry was late.']),
            plainArticle('mar-01', '2031-03-01', ['The ferry was early.']),
          ]),
          duplicateDetector,
        );
        const ids = async (selection: Parameters<Store['articles']>[0]) => idsOf(await store.articles(selection));
        expect(await ids({ publishedFrom: '2031-02-01', publishedTo: '2031-02-28' })).toEqual([
          'feb-01',
          'feb-15',
          'feb-28',
        ]);
        expect(await ids({ publishedFrom: '2031-02-15' })).toEqual(['feb-15', 'feb-28', 'mar-01']);
        expect(await ids({ publishedTo: '2031-01-31' })).toEqual(['jan-31']);
        expect(await ids({ publishedFrom: '2031-02-01', publishedTo: '2031-02-28', query: 'ferry' })).toEqual([
          'feb-01',
          'feb-28',
        ]);
      });

      it('lists a page of the selection with its total', async () => {
        const store = await storeWithHarbourStories();
        const page = await store.articleList({ query: 'harbour' }, { offset: 1, limit: 1 });
        expect(page).toEqual({
          total: 3,
          articles: [
            {
              id: 'harbour-only',
              source: 'coast-post',
              publishedOn: '2031-05-02',
              sentences: 1,
              opening: 'The harbour was quiet on Sunday.',
            },
          ],
        });
        expect(
          (await store.articleList({}, { offset: 0, limit: 10 })).articles.find((a) => a.id === 'headline'),
        ).toMatchObject({ title: 'Osterby ferry returns' });
      });
    });

    describe('date signal', () => {
      /** An article whose first sentence refers to `refersTo`. */
      const referring = (
        id: string,
        publishedOn: string,
        refersTo: DateRef[],
        text = 'The council met about the ferry.',
      ): AnnotatedArticle => {
        const article = plainArticle(id, publishedOn, [text, `Report ${id}.`]);
        article.sentences[0]!.timexes = refersTo.map((date) => ({
          text: 'The',
          span: { start: 0, end: 3 },
          type: 'DATE',
          value: date.value,
          refersTo: date,
          anchor: publishedOn,
          evidence: 'test',
        }));
        return article;
      };
      const day = (value: string): DateRef => ({ value, granularity: 'day' });

      it('counts per date the articles published on it, reporting it and planning it, copies once', async () => {
        const store = await open();
        const b = referring('b', '2031-05-02', [day('2031-05-01'), day('2031-05-04')]);
        await store.add(
          ready([
            referring(
              'a',
              '2031-05-02',
              [day('2031-05-01'), day('2031-05-01'), { value: '2031-05', granularity: 'month' }],
              'Ferry crews walked out at dawn.',
            ),
            b,
            referring('c', '2031-05-03', [day('2031-05-04')], 'Lantern makers met in Wrenmouth.'),
          ]),
          duplicateDetector,
        );
        // A copy of b (the detector is told so): grouped with it, so it counts once.
        const bFingerprint = duplicateDetector.fingerprint(b.article.text);
        await store.add(ready([referring('b-copy', '2031-05-02', [day('2031-05-01'), day('2031-05-04')])]), {
          ...duplicateDetector,
          sameStory: (_copy, stored) => isDeepStrictEqual(stored, bFingerprint),
        });
        expect(await store.duplicateGroups()).toEqual([
          { representativeId: 'b', memberIds: ['b', 'b-copy'], kind: 'near' },
        ]);
        expect(await store.dateSignal({})).toEqual([
          { date: { value: '2031-05', granularity: 'month' }, published: 0, reported: 1, planned: 0 },
          { date: day('2031-05-01'), published: 0, reported: 2, planned: 0 },
          { date: day('2031-05-02'), published: 2, reported: 0, planned: 0 },
          { date: day('2031-05-03'), published: 1, reported: 0, planned: 0 },
          { date: day('2031-05-04'), published: 0, reported: 0, planned: 2 },
        ]);
        expect(await store.dateSignal({ query: 'lantern' })).toEqual([
          { date: day('2031-05-03'), published: 1, reported: 0, planned: 0 },
          { date: day('2031-05-04'), published: 0, reported: 0, planned: 1 },
        ]);
        expect(idsOf(await store.articlesAbout({}, [day('2031-05-04')], 10))).toEqual(['b', 'b-copy', 'c']);
        expect(
          idsOf(await store.articlesAbout({}, [day('2031-05-03'), { value: '2031-05', granularity: 'month' }], 10)),
        ).toEqual(['a', 'c']);
        expect(idsOf(await store.articlesAbout({ query: 'ferry' }, [day('2031-05-04')], 10))).toEqual(['b', 'b-copy']);
        // At most so many of each kind per date, the earliest published first: b and b-copy refer to
        // the 4th before c does; a and b (by id) were published on the 2nd before b-copy.
        expect(idsOf(await store.articlesAbout({}, [day('2031-05-04')], 2))).toEqual(['b', 'b-copy']);
        expect(idsOf(await store.articlesAbout({}, [day('2031-05-02')], 2))).toEqual(['a', 'b']);
      });
    });

    describe('duplicate groups', () => {
      const wire = [
        'Ferry crews in Osterby walked off the job on Monday after talks with the Tidewater Council broke down late on Sunday night.',
        'About 300 crew members gathered outside the harbour office, union leader Mira Solberg told reporters, and more were expected.',
        'The council said it would meet the union again on Thursday to discuss the pay offer and the new rota for the winter months.',
      ];
      const copy = (id: string, day: string, byline: string) =>
        plainArticle(id, day, [byline, ...wire], 'other-outlet');

      it('groups copies as they are added, batch after batch, and keeps unrelated articles apart', async () => {
        const store = await open();
        await store.add(
          ready([plainArticle('wire', '2031-04-07', wire), ...syntheticArticles(0, 3)]),
          duplicateDetector,
        );
        expect(await store.duplicateGroups()).toEqual([]);
        await store.add(ready([copy('copy-b', '2031-04-08', 'By the night desk.')]), duplicateDetector);
        expect(await store.duplicateGroups()).toEqual([
          { representativeId: 'wire', memberIds: ['wire', 'copy-b'], kind: 'near' },
        ]);
        // An earlier copy becomes the representative; the group stays one group.
        await store.add(
          ready([copy('copy-a', '2031-04-06', 'By a staff writer.'), syntheticArticle(3)]),
          duplicateDetector,
        );
        expect(await store.duplicateGroups()).toEqual([
          { representativeId: 'copy-a', memberIds: ['copy-a', 'wire', 'copy-b'], kind: 'near' },
        ]);
        expect(await store.counts()).toMatchObject({ duplicateGroups: 1, duplicates: 2 });
        expect(await store.duplicateGroups(['copy-b', 'synthetic-1'])).toHaveLength(1);
        expect(await store.duplicateGroups(['synthetic-1'])).toEqual([]);
      });

      it('compares a newcomer only with the stored articles sharing its keys, not with the archive', async () => {
        const store = await open();
        await store.add(
          ready([
            ...syntheticArticles(0, 150),
            plainArticle('wire', '2031-04-07', wire),
            ...syntheticArticles(150, 150),
          ]),
          duplicateDetector,
        );
        const compared: TextFingerprint[] = [];
        const counting = {
          ...duplicateDetector,
          sameStory: (a: TextFingerprint, b: TextFingerprint) => (compared.push(b), duplicateDetector.sameStory(a, b)),
        };
        await store.add(ready([copy('copy-b', '2031-04-08', 'By the night desk.')], counting), counting);
        expect(compared).toEqual([
          duplicateDetector.fingerprint(plainArticle('wire', '2031-04-07', wire).article.text),
        ]);
        expect(await store.duplicateGroups()).toEqual([
          { representativeId: 'wire', memberIds: ['wire', 'copy-b'], kind: 'near' },
        ]);
      });

      it('finds the groups that grouping the same articles in memory finds', async () => {
        const store = await open();
        const articles = [
          plainArticle('wire', '2031-04-07', wire),
          ...syntheticArticles(0, 4),
          copy('copy-b', '2031-04-08', 'By the night desk.'),
          copy('copy-a', '2031-04-06', 'By a staff writer.'),
        ];
        for (const article of articles) await store.add(ready([article]), duplicateDetector);
        const { groupDuplicates } = await import('../../../src/select/index.js');
        expect(await store.duplicateGroups()).toEqual(groupDuplicates(articles.map((a) => a.article)));
      });
    });

    describe('version', () => {
      it('changes when a write lands, and only then', async () => {
        const store = await open();
        const before = await store.version();
        await store.add(ready(syntheticArticles(0, 2)), duplicateDetector);
        const after = await store.version();
        expect(after).not.toBe(before);
        await store.add(ready(syntheticArticles(0, 2)), duplicateDetector);
        expect(await store.version()).toBe(after);
      });
    });

    describe('counts', () => {
      it('counts articles, sentences, timexes and duplicate groups', async () => {
        const store = await open();
        expect(await store.counts()).toEqual({
          articles: 0,
          sentences: 0,
          timexes: 0,
          duplicateGroups: 0,
          duplicates: 0,
        });
        const batch = syntheticArticles(0, 6, { sentences: 5 });
        batch[0]!.sentences[0]!.timexes.push({ ...batch[0]!.sentences[0]!.timexes[0]! });
        await store.add(ready(batch), duplicateDetector);
        expect(await store.counts()).toEqual({
          articles: 6,
          sentences: 30,
          timexes: 31,
          duplicateGroups: 0,
          duplicates: 0,
        });
      });
    });

    describe('read-only', () => {
      it('reads a store without being able to change it', async () => {
        const batch = syntheticArticles(0, 3);
        await (await open()).add(ready(batch), duplicateDetector);
        await closeAll();
        const store = await open({ readonly: true });
        expect(await store.articles()).toStrictEqual(batch);
        expect(await store.articles({ query: 'counted' })).not.toHaveLength(0);
        await expect(store.add(ready(syntheticArticles(3, 1)), duplicateDetector)).rejects.toThrow(/read-?only/);
      });
    });
  });
}

function idsOf(articles: AnnotatedArticle[]): string[] {
  return articles.map((a) => a.article.id);
}

/** A hand-made article: sentences are the given strings joined by single spaces, no annotations. */
export function plainArticle(
  id: string,
  publishedOn: string,
  sentenceTexts: string[],
  source = 'test-gazette',
): AnnotatedArticle {
  const text = sentenceTexts.join(' ');
  let offset = 0;
  const sentences: Sentence[] = sentenceTexts.map((sentenceText, index) => {
    const span = { start: offset, end: offset + sentenceText.length };
    offset = span.end + 1;
    return {
      index,
      text: sentenceText,
      span,
      tokens: sentenceText.split(' '),
      timexes: [],
      mentions: [],
      quantities: [],
    };
  });
  return {
    article: { id, source, publishedOn, text, origin: { file: `${id}.txt` } },
    contentHash: createHash('sha256').update(text).digest('hex'),
    sentences,
  };
}
