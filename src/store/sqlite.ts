// The embedded store: one SQLite file (better-sqlite3, synchronous), schema in ./schema.
// The work is synchronous inside; the methods hand back settled promises to fit the contract.
import { setTimeout } from 'node:timers/promises';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type Sqlite from 'better-sqlite3';
import type {
  AnnotatedArticle,
  DateRef,
  DateSignal,
  DuplicateDetector,
  DuplicateGroup,
  GroupMember,
  Selection,
  Story,
  StoryNeighbourhood,
  StoryTracker,
  StoryUpdate,
} from '../model.js';
import { ftsMatch, indexedWords, selectionQuery } from '../query.js';
import { articleIdentity, packedSentencesOf, packSentences, type StorableArticle } from './storable.js';
import { fingerprintsOf, groupChange, type Candidate } from './grouping.js';
import {
  articleColumnValues,
  inPublicationOrder,
  sentencesFrom,
  toArticle,
  toDateSignal,
  toGroupMember,
  toSummary,
  type ArticleColumns,
  type DateSignalRow,
  type MemberRow,
  type StoredSentence,
} from './rows.js';
import { migrations } from './schema/migrations.js';
import {
  STORY_PAGE,
  storyColumnValues,
  storyPage,
  toStoredStory,
  toStory,
  type StoryRow,
  storyListOrder,
  toUnstoried,
  type UnstoriedRow,
} from './stories.js';
import { migrate, schemaVersion } from './schema/migrate.js';
import {
  StoreError,
  type AddResult,
  type ArticleList,
  type OpenOptions,
  type Store,
  type StoreCounts,
  type StoryList,
  type StoryQuery,
} from './store.js';

/** A store file that cannot be used (missing, not a database, corrupt, wrong version); the message says which file and why. */
export class StoreFileError extends StoreError {
  constructor(
    readonly file: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(file, reason, options);
    this.name = 'StoreFileError';
  }
}

/** How long a writer waits for another process holding the file, each attempt. */
const BUSY_TIMEOUT_MS = 5_000;
/** Attempts of a batch at the write lock (a minute or so in all) before the store is reported busy. */
const BUSY_ATTEMPTS = 8;
/** IsoDay bounds that every `YYYY-MM-DD` sorts between, so an absent bound needs no separate SQL. */
const EARLIEST_DAY = '0000-00-00';
const LATEST_DAY = '9999-99-99';

export function openSqliteStore(file: string, options: OpenOptions = {}): Store {
  const readonly = options.readonly ?? false;
  const db = openDatabase(file, readonly);
  try {
    prepareFile(db, file, readonly);
    return new SqliteStore(db);
  } catch (error) {
    db.close();
    if (error instanceof StoreFileError) throw error;
    throw new StoreFileError(file, describeFailure(error), { cause: error });
  }
}

function openDatabase(file: string, readonly: boolean): Sqlite.Database {
  try {
    return new Database(file, { readonly, fileMustExist: readonly });
  } catch (error) {
    throw new StoreFileError(file, describeFailure(error), { cause: error });
  }
}

function prepareFile(db: Sqlite.Database, file: string, readonly: boolean): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  if (readonly) {
    // Reading sqlite_master here is also what surfaces "not a database" for a read-only open.
    const version = schemaVersion(db);
    if (version === migrations.length) return;
    throw new StoreFileError(file, readonlyVersionProblem(version));
  }
  // WAL lets a timeline read the file while an ingest writes it; with WAL, synchronous=NORMAL
  // still never corrupts the file on a crash, it can only lose the last commits on power loss.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  if (schemaVersion(db) === 0 && hasAnyTable(db)) {
    // Never add our tables to another program's database given by mistake.
    throw new StoreFileError(
      file,
      "it is a SQLite database of some other program (it has tables, none of them chronicle's)",
    );
  }
  // The encoders the migrations use on rows stored before them: the same the writer uses.
  const articleOf = (title: unknown, text: unknown) => ({
    ...(typeof title === 'string' && { title }),
    text: String(text),
  });
  db.function('chronicle_article_identity', { deterministic: true }, (source, publishedOn, contentHash) =>
    articleIdentity({ source: String(source), publishedOn: String(publishedOn) }, String(contentHash)),
  );
  db.function(
    'chronicle_lead_words',
    { deterministic: true },
    (title, text) => indexedWords(articleOf(title, text)).lead,
  );
  db.function(
    'chronicle_all_words',
    { deterministic: true },
    (title, text) => indexedWords(articleOf(title, text)).all,
  );
  db.function('chronicle_packed_sentences', { deterministic: true }, (rows) => {
    const sentences = (JSON.parse(String(rows)) as [number, number, Omit<StoredSentence, 'span'>][]).map(
      ([start, end, annotations]) => ({ span: [start, end], ...annotations }),
    );
    return packed(JSON.stringify(sentences));
  });
  migrate(db, migrations);
}

function hasAnyTable(db: Sqlite.Database): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1`).get() !== undefined;
}

function readonlyVersionProblem(version: number): string {
  if (version === 0) return 'it is not a chronicle store (no chronicle tables in it)';
  if (version > migrations.length) {
    return `its schema version ${version} is newer than this program understands (${migrations.length}); upgrade chronicle`;
  }
  return `it was written by an older chronicle (schema version ${version}, current ${migrations.length}); open it once for writing (e.g. \`chronicle ingest\`) to upgrade it`;
}

const REASON_BY_SQLITE_CODE: Record<string, string> = {
  SQLITE_NOTADB: 'it is not a SQLite database',
  SQLITE_CORRUPT: 'the database file is corrupt',
  SQLITE_CANTOPEN: 'the file cannot be opened (missing, a folder, or no permission)',
  SQLITE_BUSY: 'another process holds it locked',
  SQLITE_READONLY: 'it is read-only',
  SQLITE_PERM: 'permission denied',
};

function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const reason = typeof code === 'string' ? REASON_BY_SQLITE_CODE[code] : undefined;
  return reason ? `${reason} (${message})` : message;
}

// ---------------------------------------------------------------------------------------------
// Row shapes, as SQLite hands them back

interface ArticleRow extends ArticleColumns {
  seq: number;
  content_hash: string;
  sentences: Buffer;
}

/**
 * An article's sentences as the file keeps them: deflated JSON, about a sixth of the JSON's size
 * (annotations repeat their keys and words), and a fraction of a millisecond to inflate.
 */
function packed(sentencesJson: string): Buffer {
  return packSentences(sentencesJson);
}

function unpacked(blob: Buffer): StoredSentence[] {
  return JSON.parse(inflateRawSync(blob).toString('utf8')) as StoredSentence[];
}

interface GroupRow {
  representative_id: string;
  kind: DuplicateGroup['kind'];
  member_ids: string;
}

interface CandidateRow extends MemberRow {
  seq: number;
  group_id: number | null;
}

class SqliteStore implements Store {
  private readonly statements;
  /**
   * Each runs in one transaction: a batch lands whole or not at all.
   */
  private readonly inTransaction;
  private readonly selectionQueries;

  constructor(private readonly db: Sqlite.Database) {
    this.statements = {
      idByIdentity: db.prepare<[string], string>(`SELECT id FROM articles WHERE identity = ?`).pluck(),
      idTaken: db.prepare<[string], number>(`SELECT 1 FROM articles WHERE id = ?`).pluck(),
      storedIdentities: db
        .prepare<[string], string>(`SELECT identity FROM articles WHERE identity IN (SELECT value FROM json_each(?))`)
        .pluck(),
      insertArticle: db.prepare(
        `INSERT INTO articles (id, content_hash, source, published_on, title, url, text, origin_file, origin_line, identity, sentences, sentence_count, timex_count, story_profile)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertWords: db.prepare(`INSERT INTO article_words (rowid, lead, words) VALUES (?, ?, ?)`),
      insertReference: db.prepare(
        `INSERT INTO date_references (date, granularity, article_seq, planned) VALUES (?, ?, ?, ?)`,
      ),
      articleById: db.prepare<[string], ArticleRow>(`SELECT * FROM articles WHERE id = ?`),
      newestWithKey: db
        .prepare<[number, number], number>(
          `SELECT article_seq FROM duplicate_keys WHERE key = ? ORDER BY article_seq DESC LIMIT ?`,
        )
        .pluck(),
      insertKey: db.prepare(`INSERT OR IGNORE INTO duplicate_keys (key, article_seq) VALUES (?, ?)`),
      unkeyed: db.prepare<[], { seq: number; text: string }>(
        `SELECT u.seq, a.text FROM unkeyed_articles u JOIN articles a ON a.seq = u.seq`,
      ),
      clearUnkeyed: db.prepare(`DELETE FROM unkeyed_articles`),
      candidate: db.prepare<[number], CandidateRow>(
        `SELECT a.seq, a.id, a.published_on, a.content_hash, m.group_id
         FROM articles a LEFT JOIN duplicate_group_members m ON m.article_id = a.id WHERE a.seq = ?`,
      ),
      text: db.prepare<[number], string>(`SELECT text FROM articles WHERE seq = ?`).pluck(),
      groupMembers: db.prepare<[number], MemberRow>(
        `SELECT a.seq, a.id, a.published_on, a.content_hash FROM duplicate_group_members m JOIN articles a ON a.id = m.article_id WHERE m.group_id = ?`,
      ),
      deleteGroup: db.prepare(`DELETE FROM duplicate_groups WHERE id = ?`),
      insertGroup: db.prepare(`INSERT INTO duplicate_groups (representative_id, kind) VALUES (?, ?)`),
      insertGroupMember: db.prepare(
        `INSERT INTO duplicate_group_members (group_id, position, article_id) VALUES (?, ?, ?)`,
      ),
      groups: db.prepare<[], GroupRow>(`${GROUPS_SQL} ORDER BY g.id`),
      groupsOf: db.prepare<[string], GroupRow>(
        `${GROUPS_SQL} WHERE g.id IN (SELECT group_id FROM duplicate_group_members WHERE article_id IN (SELECT value FROM json_each(?))) ORDER BY g.id`,
      ),
      addTotals: db.prepare(
        `UPDATE store_totals SET version = version + 1, articles = articles + ?, sentences = sentences + ?, timexes = timexes + ?`,
      ),
      version: db.prepare<[], number>(`SELECT version FROM store_totals`).pluck(),
      insertUnstoried: db.prepare(`INSERT INTO unstoried_articles (seq) VALUES (?)`),
      firstUnstoriedDay: db
        .prepare<[], string | null>(
          `SELECT min(a.published_on) FROM unstoried_articles u JOIN articles a ON a.seq = u.seq`,
        )
        .pluck(),
      // Driven by the (day, id) index from a cursor, so a page costs its own articles however many wait.
      unstoried: db.prepare<[string, string, number], ArticleRow & UnstoriedRow & { story_profile: Buffer | null }>(
        `SELECT a.*, g.representative_id AS original_id, sm.story_id AS original_story
         FROM (SELECT seq FROM articles WHERE (published_on, id) > (?, ?)
                 AND EXISTS (SELECT 1 FROM unstoried_articles u WHERE u.seq = articles.seq)
               ORDER BY published_on, id LIMIT ?) AS page
         JOIN articles a ON a.seq = page.seq
         LEFT JOIN duplicate_group_members m ON m.article_id = a.id
         LEFT JOIN duplicate_groups g ON g.id = m.group_id AND g.representative_id <> a.id
         LEFT JOIN articles ra ON ra.id = g.representative_id
         LEFT JOIN story_members sm ON sm.article_seq = ra.seq
         ORDER BY a.published_on, a.id`,
      ),
      termDocuments: db.prepare<[string], { term: string; documents: number }>(
        `SELECT term, documents FROM story_terms WHERE term IN (SELECT value FROM json_each(?))`,
      ),
      nearbyStories: db.prepare<[string, string, string], StoryRow>(
        `SELECT * FROM stories WHERE id IN (SELECT story_id FROM story_keys WHERE term IN (SELECT value FROM json_each(?)))
         AND last_day >= ? AND first_day <= ? ORDER BY id`,
      ),
      storyKeys: db.prepare<[string], string>(`SELECT term FROM story_keys WHERE story_id = ?`).pluck(),
      storied: db.prepare<[], number>(`SELECT storied FROM store_totals`).pluck(),
      upsertStory: db.prepare(
        `INSERT INTO stories (id, label, first_day, last_day, articles, independent, outlets, names, places, state)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET label = excluded.label, first_day = excluded.first_day, last_day = excluded.last_day,
           articles = excluded.articles, independent = excluded.independent, outlets = excluded.outlets,
           names = excluded.names, places = excluded.places, state = excluded.state`,
      ),
      deleteStoryKeys: db.prepare(`DELETE FROM story_keys WHERE story_id = ?`),
      insertStoryKey: db.prepare(`INSERT INTO story_keys (term, story_id) VALUES (?, ?)`),
      moveMembers: db.prepare(`UPDATE story_members SET story_id = ? WHERE story_id = ?`),
      deleteStory: db.prepare(`DELETE FROM stories WHERE id = ?`),
      insertMember: db.prepare(`INSERT INTO story_members (article_seq, story_id) VALUES (?, ?)`),
      countTerm: db.prepare(
        `INSERT INTO story_terms (term, documents) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET documents = documents + excluded.documents`,
      ),
      deleteUnstoried: db.prepare(`DELETE FROM unstoried_articles WHERE seq = ?`),
      addStoried: db.prepare(`UPDATE store_totals SET version = version + 1, storied = storied + ?`),
      forgetStories: db.prepare(`DELETE FROM stories`),
      storyById: db.prepare<[string], StoryRow>(`SELECT * FROM stories WHERE id = ?`),
      counts: db.prepare<[], StoreCounts>(
        `SELECT articles, sentences, timexes,
                (SELECT count(*) FROM duplicate_groups) AS duplicateGroups,
                (SELECT count(*) FROM duplicate_group_members) - (SELECT count(*) FROM duplicate_groups) AS duplicates
         FROM store_totals`,
      ),
    };
    this.selectionQueries = {
      articles: selectionStatement<ArticleRow>(
        db,
        (selected) => `SELECT * FROM articles WHERE ${selected} ORDER BY published_on, id`,
      ),
      count: selectionStatement<{ total: number }>(
        db,
        (selected) => `SELECT count(*) AS total FROM articles WHERE ${selected}`,
      ),
      page: selectionStatement<ArticleRow>(
        db,
        (selected) => `SELECT * FROM articles WHERE ${selected} ORDER BY published_on, id LIMIT ? OFFSET ?`,
      ),
      // A date's articles are few and the selection's many: the selection is checked row by row.
      referring: selectionStatement<ArticleRow>(
        db,
        (selected) => `SELECT articles.* FROM date_references JOIN articles ON seq = article_seq
          WHERE date = ? AND granularity = ? AND ${selected} ORDER BY published_on, id LIMIT ?`,
        { rowByRow: true },
      ),
      publishedOn: selectionStatement<ArticleRow>(
        db,
        (selected) => `SELECT * FROM articles WHERE published_on = ? AND ${selected} ORDER BY id LIMIT ?`,
        {
          rowByRow: true,
        },
      ),
      // Copies count once: an article that is a group's member but not its representative is left out.
      signal: selectionStatement<DateSignalRow>(
        db,
        (selected) => `WITH chosen AS (SELECT seq, published_on FROM articles WHERE ${selected} AND seq NOT IN (
            SELECT a.seq FROM duplicate_group_members m JOIN duplicate_groups g ON g.id = m.group_id
            JOIN articles a ON a.id = m.article_id WHERE m.article_id <> g.representative_id))
          SELECT date, granularity, sum(published) AS published, sum(reported) AS reported, sum(planned) AS planned FROM (
            SELECT published_on AS date, 'day' AS granularity, count(*) AS published, 0 AS reported, 0 AS planned FROM chosen GROUP BY published_on
            UNION ALL
            SELECT r.date, r.granularity, 0, sum(1 - r.planned), sum(r.planned) FROM date_references r JOIN chosen c ON c.seq = r.article_seq
            GROUP BY r.date, r.granularity)
          GROUP BY date, granularity ORDER BY date, granularity`,
      ),
    };
    this.inTransaction = {
      add: db.transaction((batch: readonly StorableArticle[], duplicates: DuplicateDetector) =>
        this.addAll(batch, duplicates),
      ),
      placeStories: db.transaction((tracker: StoryTracker, after: [string, string]) =>
        this.placeStoryPage(tracker, after),
      ),
      forgetStories: db.transaction(() => {
        for (const table of ['story_members', 'story_keys', 'story_terms']) db.prepare(`DELETE FROM ${table}`).run();
        this.statements.forgetStories.run();
        db.prepare(`INSERT OR IGNORE INTO unstoried_articles (seq) SELECT seq FROM articles`).run();
        db.prepare(`UPDATE store_totals SET version = version + 1, storied = 0`).run();
      }),
    };
  }

  async add(batch: readonly StorableArticle[], duplicates: DuplicateDetector): Promise<AddResult> {
    // Immediate: the transaction takes the write lock before it reads, so a second writer waits
    // for it (busy_timeout) instead of failing half-way when both try to upgrade a read lock.
    // Writers queue for the lock one batch at a time; when several keep the file busy for longer
    // than the timeout, the batch (not yet begun, so nothing to undo) is tried again after a pause.
    return whenFree(() => this.inTransaction.add.immediate(batch, duplicates));
  }

  async updateStories(tracker: StoryTracker): Promise<number> {
    const firstDay = this.statements.firstUnstoriedDay.get();
    if (firstDay === null || firstDay === undefined) return 0;
    // Articles are placed in (day, id) order, from before the first waiting one.
    let cursor: [string, string] = [firstDay, ''];
    let placed = 0;
    for (;;) {
      const page = await whenFree(() => this.inTransaction.placeStories.immediate(tracker, cursor));
      if (!page) return placed;
      placed += page.placed;
      cursor = page.cursor;
    }
  }

  async rebuildStories(tracker: StoryTracker): Promise<number> {
    await whenFree(() => this.inTransaction.forgetStories.immediate());
    return this.updateStories(tracker);
  }

  private placeStoryPage(
    tracker: StoryTracker,
    after: [string, string],
  ): { placed: number; cursor: [string, string] } | undefined {
    const s = this.statements;
    const rows = s.unstoried.all(after[0], after[1], STORY_PAGE);
    if (rows.length === 0) return undefined;
    const unstoried = rows.map((row) =>
      toUnstoried(
        row,
        toArticle(row),
        row.story_profile && inflateRawSync(row.story_profile).toString('utf8'),
        () => annotatedFrom(row),
        tracker,
      ),
    );
    const page = storyPage(unstoried, tracker.windowDays);
    const terms = JSON.stringify(page.terms);
    const nearby = new Map(s.nearbyStories.all(terms, page.fromDay, page.toDay).map((row) => [row.id, row]));
    // A copy joins its original's story wherever that story is.
    for (const id of page.originalStories)
      if (!nearby.has(id)) {
        const row = s.storyById.get(id);
        if (row) nearby.set(id, row);
      }
    const neighbourhood: StoryNeighbourhood = {
      stories: [...nearby.values()].map((row) => toStoredStory(row, s.storyKeys.all(row.id))),
      documentFrequency: new Map(s.termDocuments.all(terms).map((row) => [row.term, row.documents])),
      documents: s.storied.get()!,
    };
    this.writeStories(tracker.track(neighbourhood, page.arrivals), page.seqOf);
    for (const { seq } of unstoried) s.deleteUnstoried.run(seq);
    const last = rows[rows.length - 1]!;
    return { placed: rows.length, cursor: [last.published_on, last.id] };
  }

  private writeStories(update: StoryUpdate, seqOf: ReadonlyMap<string, number | string>): void {
    const s = this.statements;
    for (const stored of update.changed) {
      s.upsertStory.run(...storyColumnValues(stored));
      s.deleteStoryKeys.run(stored.story.id);
      for (const key of stored.keys) s.insertStoryKey.run(key, stored.story.id);
    }
    for (const { id, into } of update.merged) {
      s.moveMembers.run(into, id);
      s.deleteStoryKeys.run(id);
      s.deleteStory.run(id);
    }
    for (const [articleId, storyId] of update.assigned) s.insertMember.run(seqOf.get(articleId), storyId);
    for (const [term, documents] of update.documentFrequency) s.countTerm.run(term, documents);
    s.addStoried.run(update.documents);
  }

  async stories(query: StoryQuery): Promise<StoryList> {
    const where = `last_day >= ? AND first_day <= ? AND articles >= ?`;
    const bounds = [query.from ?? EARLIEST_DAY, query.to ?? LATEST_DAY, query.minArticles ?? 1];
    const order = storyListOrder(query.order);
    const total = this.db
      .prepare<unknown[], number>(`SELECT count(*) FROM stories WHERE ${where}`)
      .pluck()
      .get(...bounds)!;
    const rows = this.db
      .prepare<unknown[], StoryRow>(`SELECT * FROM stories WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...bounds, query.limit, query.offset);
    return { total, stories: rows.map(toStory) };
  }

  async story(id: string): Promise<Story | undefined> {
    const row = this.statements.storyById.get(id);
    return row && toStory(row);
  }

  private addAll(batch: readonly StorableArticle[], duplicates: DuplicateDetector): AddResult {
    this.keyUnkeyed(duplicates);
    const result: AddResult = { added: [], alreadyStored: [], renamed: [] };
    let sentences = 0;
    let timexes = 0;
    for (const storable of batch) {
      const existingId = this.statements.idByIdentity.get(storable.identity);
      if (existingId !== undefined) {
        result.alreadyStored.push(existingId);
        continue;
      }
      const storedId = this.freeIdFor(storable);
      this.insert(storable, storedId, duplicates);
      sentences += storable.sentenceCount;
      timexes += storable.timexCount;
      result.added.push(storedId);
      if (storedId !== storable.article.id) result.renamed.push({ requestedId: storable.article.id, storedId });
    }
    if (result.added.length > 0) this.statements.addTotals.run(result.added.length, sentences, timexes);
    return result;
  }

  /** Keys for articles stored before the key index existed; their groups were already made. */
  private keyUnkeyed(duplicates: DuplicateDetector): void {
    const unkeyed = this.statements.unkeyed.all();
    if (unkeyed.length === 0) return;
    for (const { seq, text } of unkeyed)
      for (const key of duplicates.keys(duplicates.fingerprint(text))) this.statements.insertKey.run(key, seq);
    this.statements.clearUnkeyed.run();
  }

  /**
   * The article's own id, or when another article already has it, the id suffixed with a prefix
   * of its identity (the full hash in the astronomically rare case the prefix is taken too).
   */
  private freeIdFor({ article, identity }: StorableArticle): string {
    const candidates = [article.id, `${article.id}~${identity.slice(0, 8)}`, `${article.id}~${identity}`];
    const free = candidates.find((id) => this.statements.idTaken.get(id) === undefined);
    if (free === undefined) throw new Error(`article id '${article.id}' and its content-hash variants are all taken`);
    return free;
  }

  private insert(storable: StorableArticle, storedId: string, duplicates: DuplicateDetector): void {
    const { article, contentHash, words } = storable;
    const s = this.statements;
    const seq = Number(
      s.insertArticle.run(
        ...articleColumnValues(article, storedId, contentHash),
        storable.identity,
        packedSentencesOf(storable),
        storable.sentenceCount,
        storable.timexCount,
        // Deflated as the sentences are, a third of the bytes in the file (a BLOB in the TEXT column
        // of migration 6: SQLite never converts a BLOB).
        deflateRawSync(storable.storyProfile),
      ).lastInsertRowid,
    );
    s.insertWords.run(seq, words.lead, words.all);
    s.insertUnstoried.run(seq);
    for (const reference of storable.dateReferences)
      s.insertReference.run(reference.value, reference.granularity, seq, reference.planned ? 1 : 0);
    this.group(seq, storable, { id: storedId, publishedOn: article.publishedOn, contentHash }, duplicates);
  }

  private group(
    seq: number,
    { fingerprint, duplicateKeys }: StorableArticle,
    member: GroupMember,
    duplicates: DuplicateDetector,
  ): void {
    const s = this.statements;
    const fingerprints = fingerprintsOf(duplicates);
    const shortlist = duplicates.shortlist(
      duplicateKeys.map((key) => s.newestWithKey.all(key, duplicates.candidatesPerKey)),
    );
    for (const key of duplicateKeys) s.insertKey.run(key, seq);
    const candidates: Candidate[] = shortlist.map((candidateSeq) => {
      const row = s.candidate.get(candidateSeq)!;
      return {
        seq: row.seq,
        member: toGroupMember(row),
        fingerprint:
          fingerprints.get(row.content_hash) ?? fingerprints.make(row.content_hash, s.text.get(candidateSeq)!),
        ...(row.group_id !== null && { groupId: row.group_id }),
      };
    });
    const groupIds = new Set(candidates.flatMap((c) => (c.groupId === undefined ? [] : [c.groupId as number])));
    const membersOf = new Map(
      [...groupIds].map((id) => [
        id,
        s.groupMembers.all(id).map((row) => ({ seq: row.seq, member: toGroupMember(row) })),
      ]),
    );
    fingerprints.keep(member.contentHash, fingerprint);
    const change = groupChange({ fingerprint, member }, candidates, membersOf, duplicates);
    if (!change) return;
    for (const id of change.replaces) s.deleteGroup.run(id);
    const groupId = s.insertGroup.run(change.group.representativeId, change.group.kind).lastInsertRowid;
    change.group.memberIds.forEach((articleId, position) => s.insertGroupMember.run(groupId, position, articleId));
  }

  async storedIdentities(identities: readonly string[]): Promise<Set<string>> {
    return new Set(this.statements.storedIdentities.all(JSON.stringify(identities)));
  }

  async articles(selection: Selection = {}): Promise<AnnotatedArticle[]> {
    const { statement, parameters } = this.selectionQueries.articles(selection);
    return statement.all(...parameters).map(annotatedFrom);
  }

  async articlesAbout(selection: Selection, dates: readonly DateRef[], perDate: number): Promise<AnnotatedArticle[]> {
    const rows = new Map<number, ArticleRow>();
    const take = (found: ReturnType<typeof this.selectionQueries.referring>) => {
      for (const row of found.statement.all(...found.parameters)) rows.set(row.seq, row);
    };
    for (const date of dates) {
      take(this.selectionQueries.referring(selection, { before: [date.value, date.granularity], after: [perDate] }));
      if (date.granularity === 'day')
        take(this.selectionQueries.publishedOn(selection, { before: [date.value], after: [perDate] }));
    }
    return inPublicationOrder(rows.values()).map(annotatedFrom);
  }

  async dateSignal(selection: Selection): Promise<DateSignal[]> {
    const { statement, parameters } = this.selectionQueries.signal(selection);
    return statement.all(...parameters).map(toDateSignal);
  }

  async articleList(selection: Selection, page: { offset: number; limit: number }): Promise<ArticleList> {
    const counted = this.selectionQueries.count(selection);
    const listed = this.selectionQueries.page(selection, { after: [page.limit, page.offset] });
    const rows = listed.statement.all(...listed.parameters);
    return {
      total: counted.statement.get(...counted.parameters)!.total,
      articles: rows.map((row) => toSummary(row, unpacked(row.sentences))),
    };
  }

  async article(id: string): Promise<AnnotatedArticle | undefined> {
    const row = this.statements.articleById.get(id);
    return row && annotatedFrom(row);
  }

  async duplicateGroups(articleIds?: readonly string[]): Promise<DuplicateGroup[]> {
    const rows =
      articleIds === undefined
        ? this.statements.groups.all()
        : this.statements.groupsOf.all(JSON.stringify(articleIds));
    return rows.map((row) => ({
      representativeId: row.representative_id,
      memberIds: JSON.parse(row.member_ids) as string[],
      kind: row.kind,
    }));
  }

  async version(): Promise<number> {
    return this.statements.version.get()!;
  }

  async counts(): Promise<StoreCounts> {
    return this.statements.counts.get()!;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/**
 * Runs a write transaction, waiting out other processes that hold the file: writers queue for the
 * lock one transaction at a time (busy_timeout), and when several keep the file busy for longer than
 * the timeout, the transaction (not yet begun, so nothing to undo) is tried again after a pause.
 */
async function whenFree<T>(write: () => T): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return write();
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || attempt === BUSY_ATTEMPTS) throw error;
      await setTimeout(BUSY_TIMEOUT_MS * Math.random());
    }
  }
}

function annotatedFrom(row: ArticleRow): AnnotatedArticle {
  return {
    article: toArticle(row),
    contentHash: row.content_hash,
    sentences: sentencesFrom(row.text, unpacked(row.sentences)),
  };
}

/**
 * A query over the articles a selection names, prepared twice: with the selection's word
 * condition (the FTS5 index) and without one (no words: every article in the window). `sql` gets
 * the selection's conditions on the articles table; its own parameters go before and after them.
 * `rowByRow` probes the word index for each row instead of taking its whole article set, for
 * queries that reach a few articles by another index.
 */
function selectionStatement<Row>(db: Sqlite.Database, sql: (selected: string) => string, { rowByRow = false } = {}) {
  const selected = `published_on BETWEEN ? AND ? AND (? IS NULL OR source = ?)
    AND (? IS NULL OR seq IN (SELECT article_seq FROM story_members WHERE story_id = ?))`;
  const words = rowByRow
    ? `EXISTS (SELECT 1 FROM article_words WHERE article_words MATCH ? AND rowid = seq)`
    : `seq IN (SELECT rowid FROM article_words WHERE article_words MATCH ?)`;
  const unworded = db.prepare<unknown[], Row>(sql(selected));
  const worded = db.prepare<unknown[], Row>(sql(`${selected} AND ${words}`));
  return (selection: Selection, { before = [], after = [] }: { before?: unknown[]; after?: unknown[] } = {}) => {
    const source = selection.source ?? null;
    const story = selection.story ?? null;
    const bounds = [
      ...before,
      selection.publishedFrom ?? EARLIEST_DAY,
      selection.publishedTo ?? LATEST_DAY,
      source,
      source,
      story,
      story,
    ];
    const match = ftsMatch(selectionQuery(selection));
    return match === ''
      ? { statement: unworded, parameters: [...bounds, ...after] }
      : { statement: worded, parameters: [...bounds, match, ...after] };
  };
}

const GROUPS_SQL = `SELECT g.representative_id, g.kind,
  (SELECT json_group_array(article_id) FROM
    (SELECT article_id FROM duplicate_group_members WHERE group_id = g.id ORDER BY position)) AS member_ids
  FROM duplicate_groups g`;
