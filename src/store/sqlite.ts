// The embedded store: one SQLite file (better-sqlite3, synchronous), schema in ./schema.
// The work is synchronous inside; the methods hand back settled promises to fit the contract.
import Database from 'better-sqlite3';
import type Sqlite from 'better-sqlite3';
import type { AnnotatedArticle, Article, DuplicateGroup, Sentence } from '../model.js';
import { ftsPhrases } from './fts-query.js';
import { annotationsOf, toArticle, toSentence, toSentenceHit, type ArticleColumns, type SentenceAnnotations, type SentenceColumns, type SentenceHitRow } from './rows.js';
import { migrations } from './schema/migrations.js';
import { migrate, schemaVersion } from './schema/migrate.js';
import { StoreError, type AddResult, type ArticleFilter, type OpenOptions, type SentenceHit, type Store, type StoreCounts } from './store.js';

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

/** How long a writer waits for another process holding the file before giving up. */
const BUSY_TIMEOUT_MS = 5_000;
const DEFAULT_SEARCH_LIMIT = 20;
/** Articles whose sentences and annotations are fetched per round of queries when loading. */
const LOAD_CHUNK = 500;
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
    throw new StoreFileError(file, 'it is a SQLite database of some other program (it has tables, none of them chronicle\'s)');
  }
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
}

interface SentenceRow extends SentenceColumns {
  article_seq: number;
  annotations: string;
}


interface GroupRow {
  representative_id: string;
  kind: DuplicateGroup['kind'];
  member_ids: string;
}

class SqliteStore implements Store {
  private readonly statements;
  /**
   * Each runs in one transaction: a batch lands whole or not at all, groups are never seen
   * half-replaced, and a concurrent ingest cannot commit between the chunked loading queries.
   */
  private readonly inTransaction;
  /** Article queries by number of full-text phrases (the SQL has one sub-select per phrase). */
  private readonly articleQueries = new Map<number, Sqlite.Statement<unknown[], ArticleRow>>();

  constructor(private readonly db: Sqlite.Database) {
    this.statements = {
      idByContent: db.prepare<[string], string>(`SELECT id FROM articles WHERE content_hash = ?`).pluck(),
      idTaken: db.prepare<[string], number>(`SELECT 1 FROM articles WHERE id = ?`).pluck(),
      storedContent: db.prepare<[string], { content_hash: string }>(`SELECT content_hash FROM articles WHERE content_hash IN (SELECT value FROM json_each(?))`),
      insertArticle: db.prepare(
        `INSERT INTO articles (id, content_hash, source, published_on, title, url, text, origin_file, origin_line)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertSentence: db.prepare(
        `INSERT INTO sentences (article_seq, idx, span_start, span_end, text, annotations, timex_count) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      sentencesOf: db.prepare<[string], SentenceRow>(
        `SELECT article_seq, idx, span_start, span_end, text, annotations FROM sentences
         WHERE article_seq IN (SELECT value FROM json_each(?)) ORDER BY article_seq, idx`,
      ),
      searchSentences: db.prepare<[string, number], SentenceHitRow>(
        `SELECT a.id AS article_id, s.idx, s.text, a.published_on, a.source, bm25(sentences_fts) AS rank
         FROM sentences_fts
         JOIN sentences s ON s.id = sentences_fts.rowid
         JOIN articles a ON a.seq = s.article_seq
         WHERE sentences_fts MATCH ?
         ORDER BY rank, a.id, s.idx
         LIMIT ?`,
      ),
      clearGroupMembers: db.prepare(`DELETE FROM duplicate_group_members`),
      clearGroups: db.prepare(`DELETE FROM duplicate_groups`),
      insertGroup: db.prepare(`INSERT INTO duplicate_groups (representative_id, kind) VALUES (?, ?)`),
      insertGroupMember: db.prepare(`INSERT INTO duplicate_group_members (group_id, position, article_id) VALUES (?, ?, ?)`),
      groups: db.prepare<[], GroupRow>(
        `SELECT g.representative_id, g.kind,
           (SELECT json_group_array(article_id) FROM
             (SELECT article_id FROM duplicate_group_members WHERE group_id = g.id ORDER BY position)) AS member_ids
         FROM duplicate_groups g ORDER BY g.id`,
      ),
      counts: db.prepare<[], StoreCounts>(
        `SELECT (SELECT count(*) FROM articles) AS articles,
                (SELECT count(*) FROM sentences) AS sentences,
                (SELECT coalesce(sum(timex_count), 0) FROM sentences) AS timexes,
                (SELECT count(*) FROM duplicate_groups) AS duplicateGroups`,
      ),
    };
    this.inTransaction = {
      add: db.transaction((batch: AnnotatedArticle[]) => this.addAll(batch)),
      articles: db.transaction((filter: ArticleFilter) => this.loadMatching(filter)),
      replaceDuplicateGroups: db.transaction((groups: DuplicateGroup[]) => this.replaceGroups(groups)),
    };
  }

  async add(batch: AnnotatedArticle[]): Promise<AddResult> {
    return this.inTransaction.add(batch);
  }

  private addAll(batch: AnnotatedArticle[]): AddResult {
    const result: AddResult = { added: [], alreadyStored: [], renamed: [] };
    for (const annotated of batch) {
      const existingId = this.statements.idByContent.get(annotated.contentHash);
      if (existingId !== undefined) {
        result.alreadyStored.push(existingId);
        continue;
      }
      const storedId = this.freeIdFor(annotated);
      this.insert(annotated, storedId);
      result.added.push(storedId);
      if (storedId !== annotated.article.id) result.renamed.push({ requestedId: annotated.article.id, storedId });
    }
    return result;
  }

  /**
   * The article's own id, or when different content already has it, the id suffixed with a
   * content-hash prefix (the full hash in the astronomically rare case the prefix is taken too).
   */
  private freeIdFor({ article, contentHash }: AnnotatedArticle): string {
    const candidates = [article.id, `${article.id}~${contentHash.slice(0, 8)}`, `${article.id}~${contentHash}`];
    const free = candidates.find((id) => this.statements.idTaken.get(id) === undefined);
    if (free === undefined) throw new Error(`article id '${article.id}' and its content-hash variants are all taken`);
    return free;
  }

  private insert({ article, contentHash, sentences }: AnnotatedArticle, storedId: string): void {
    const s = this.statements;
    const seq = s.insertArticle.run(
      storedId,
      contentHash,
      article.source,
      article.publishedOn,
      article.title ?? null,
      article.url ?? null,
      article.text,
      article.origin.file,
      article.origin.line ?? null,
    ).lastInsertRowid;
    for (const sentence of sentences) {
      const { index, span, text, timexes } = sentence;
      s.insertSentence.run(seq, index, span.start, span.end, text, JSON.stringify(annotationsOf(sentence)), timexes.length);
    }
  }

  async storedContent(contentHashes: readonly string[]): Promise<Set<string>> {
    const rows = this.statements.storedContent.all(JSON.stringify(contentHashes));
    return new Set(rows.map((row) => row.content_hash));
  }

  async articles(filter: ArticleFilter = {}): Promise<AnnotatedArticle[]> {
    return this.inTransaction.articles(filter);
  }

  private loadMatching(filter: ArticleFilter): AnnotatedArticle[] {
    const phrases = ftsPhrases(filter.query ?? '');
    const rows = this.articleQuery(phrases.length).all(filter.from ?? EARLIEST_DAY, filter.to ?? LATEST_DAY, ...phrases);
    const loaded: AnnotatedArticle[] = [];
    for (let start = 0; start < rows.length; start += LOAD_CHUNK) {
      loaded.push(...this.load(rows.slice(start, start + LOAD_CHUNK)));
    }
    return loaded;
  }

  /**
   * Articles in the date window that have, for every phrase, some sentence matching it: the
   * words of a query may be spread over an article's sentences, as long as all occur in it.
   */
  private articleQuery(phraseCount: number): Sqlite.Statement<unknown[], ArticleRow> {
    let statement = this.articleQueries.get(phraseCount);
    if (statement === undefined) {
      const matching = `SELECT s.article_seq FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid WHERE sentences_fts MATCH ?`;
      const textCondition = phraseCount === 0 ? '' : `AND seq IN (${Array(phraseCount).fill(matching).join(' INTERSECT ')})`;
      statement = this.db.prepare<unknown[], ArticleRow>(
        `SELECT * FROM articles WHERE published_on BETWEEN ? AND ? ${textCondition} ORDER BY published_on, id`,
      );
      this.articleQueries.set(phraseCount, statement);
    }
    return statement;
  }

  /** Full annotated articles for a chunk of article rows, in the rows' order. */
  private load(rows: ArticleRow[]): AnnotatedArticle[] {
    const sentencesBySeq = new Map<number, Sentence[]>(rows.map((row) => [row.seq, []]));
    for (const row of this.statements.sentencesOf.all(JSON.stringify(rows.map((row) => row.seq)))) {
      sentencesBySeq.get(row.article_seq)!.push(toSentence(row, JSON.parse(row.annotations) as SentenceAnnotations));
    }
    return rows.map((row) => ({ article: toArticle(row), contentHash: row.content_hash, sentences: sentencesBySeq.get(row.seq)! }));
  }

  async plainArticles(): Promise<Article[]> {
    return this.articleQuery(0).all(EARLIEST_DAY, LATEST_DAY).map(toArticle);
  }

  async searchSentences(query: string, limit = DEFAULT_SEARCH_LIMIT): Promise<SentenceHit[]> {
    const phrases = ftsPhrases(query);
    if (phrases.length === 0) return [];
    // Space-separated phrases are an implicit AND: a hit has every word of the query.
    return this.statements.searchSentences.all(phrases.join(' '), limit).map(toSentenceHit);
  }

  async replaceDuplicateGroups(groups: DuplicateGroup[]): Promise<void> {
    this.inTransaction.replaceDuplicateGroups(groups);
  }

  private replaceGroups(groups: DuplicateGroup[]): void {
    const s = this.statements;
    s.clearGroupMembers.run();
    s.clearGroups.run();
    for (const group of groups) {
      const groupId = s.insertGroup.run(group.representativeId, group.kind).lastInsertRowid;
      group.memberIds.forEach((articleId, position) => s.insertGroupMember.run(groupId, position, articleId));
    }
  }

  async duplicateGroups(): Promise<DuplicateGroup[]> {
    return this.statements.groups.all().map((row) => ({
      representativeId: row.representative_id,
      memberIds: JSON.parse(row.member_ids) as string[],
      kind: row.kind,
    }));
  }

  async counts(): Promise<StoreCounts> {
    return this.statements.counts.get()!;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}



