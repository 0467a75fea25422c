// The server store: PostgreSQL through a connection pool (node-postgres), schema in
// ./schema/postgres-migrations.ts. Same contract and meaning as the SQLite store; full-text
// search uses the generated tsvector column and its GIN index.
//
// Where it differs from SQLite, on purpose:
// - Ranking: `rank` is minus ts_rank with length normalisation (a short sentence repeating the
//   query words ranks best), not bm25: ts_rank has no notion of how rare a word is in the store.
//   The order is alike, the numbers are not comparable across backends.
// - English stop words ("the", "and", "or") are not indexed, so a query word that is only a
//   stop word restricts nothing; SQLite indexes every word.
// - Stemming is Snowball's English stemmer rather than Porter's; both map "strikes" to "strike".
import pg from 'pg';
import type { AnnotatedArticle, Article, DuplicateGroup, Sentence } from '../model.js';
import { searchWords } from './fts-query.js';
import { annotationsOf, toArticle, toSentence, toSentenceHit, type ArticleColumns, type SentenceAnnotations, type SentenceColumns, type SentenceHitRow } from './rows.js';
import { postgresMigrations } from './schema/postgres-migrations.js';
import { StoreError, type AddResult, type ArticleFilter, type OpenOptions, type SentenceHit, type Store, type StoreCounts } from './store.js';

const DEFAULT_SEARCH_LIMIT = 20;
/** Articles whose sentences are fetched per query when loading. */
const LOAD_CHUNK = 500;
const EARLIEST_DAY = '0000-00-00';
const LATEST_DAY = '9999-99-99';
/** First key of the advisory lock that serialises migrations (the second is the schema's). */
const MIGRATION_LOCK = 0x6368726f; // "chro"

/** The URL with its password masked: what error messages and logs may show. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not parseable as a URL, so there is no telling where a password would be.
    return 'postgres://…';
  }
}

export async function openPostgresStore(url: string, options: OpenOptions = {}): Promise<Store> {
  const location = redactedUrl(url);
  const readonly = options.readonly ?? false;
  const pool = new pg.Pool({ connectionString: url });
  // Idle clients can lose their server (restart, network); the next query reports it, not a crash.
  pool.on('error', () => undefined);
  if (readonly) {
    // Queued before any other query of a new connection: every transaction refuses writes.
    pool.on('connect', (client) => void client.query('SET default_transaction_read_only = on').catch(() => undefined));
  }
  try {
    await prepareSchema(pool, location, readonly);
    return new PostgresStore(pool);
  } catch (error) {
    await pool.end();
    if (error instanceof StoreError) throw error;
    throw new StoreError(location, describeFailure(error), { cause: error });
  }
}

function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message || String(code ?? 'unknown error') : String(error);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH') {
    return `cannot reach the PostgreSQL server (${message})`;
  }
  if (code === '28P01' || code === '28000') return `the server refused the login (${message})`;
  if (code === '3D000') return `no such database (${message})`;
  return message;
}

/**
 * Brings the schema up to date in one transaction, holding an advisory lock for the schema so a
 * second process migrating at the same moment waits and then finds nothing left to do. A
 * read-only open only checks the version.
 */
async function prepareSchema(pool: pg.Pool, location: string, readonly: boolean): Promise<void> {
  const client = await pool.connect();
  try {
    const schema = await currentSchema(client, location);
    if (readonly) {
      const version = await schemaVersion(client, schema);
      if (version !== postgresMigrations.length) throw new StoreError(location, readonlyVersionProblem(version));
      return;
    }
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK, schema]);
      const version = await schemaVersion(client, schema);
      if (version === 0 && (await hasAnyTable(client, schema))) {
        throw new StoreError(location, `schema '${schema}' holds tables of some other program, none of them chronicle's (give a dedicated database, or a schema with options=-c search_path=<schema>)`);
      }
      if (version > postgresMigrations.length) {
        throw new StoreError(location, `store schema version ${version} is newer than this program understands (${postgresMigrations.length}); upgrade chronicle`);
      }
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
      for (let next = version + 1; next <= postgresMigrations.length; next++) {
        const migration = postgresMigrations[next - 1]!;
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [next, migration.description]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    client.release();
  }
}

async function currentSchema(client: pg.PoolClient, location: string): Promise<string> {
  const { rows } = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
  const schema = rows[0]?.schema;
  if (!schema) throw new StoreError(location, 'no schema of the search_path exists to hold the store (create it, or fix options=-c search_path=…)');
  return schema;
}

async function schemaVersion(client: pg.PoolClient, schema: string): Promise<number> {
  const { rows } = await client.query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = 'schema_migrations') AS present`,
    [schema],
  );
  if (!rows[0]?.present) return 0;
  const version = await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM schema_migrations');
  return version.rows[0]!.version;
}

async function hasAnyTable(client: pg.PoolClient, schema: string): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_tables WHERE schemaname = $1 LIMIT 1', [schema]);
  return (rowCount ?? 0) > 0;
}

function readonlyVersionProblem(version: number): string {
  if (version === 0) return 'it is not a chronicle store (no chronicle tables in its schema)';
  if (version > postgresMigrations.length) {
    return `its schema version ${version} is newer than this program understands (${postgresMigrations.length}); upgrade chronicle`;
  }
  return `it was written by an older chronicle (schema version ${version}, current ${postgresMigrations.length}); open it once for writing (e.g. \`chronicle ingest\`) to upgrade it`;
}

// ---------------------------------------------------------------------------------------------
// Row shapes, as node-postgres hands them back (BIGINT arrives as a string)

interface ArticleRow extends ArticleColumns {
  seq: string;
  content_hash: string;
}

interface SentenceRow extends SentenceColumns {
  article_seq: string;
  annotations: SentenceAnnotations;
}


interface GroupRow {
  representative_id: string;
  kind: DuplicateGroup['kind'];
  member_ids: string[];
}

interface CountsRow {
  articles: string;
  sentences: string;
  timexes: string;
  duplicate_groups: string;
}

/** The tsquery of one search word: its words in sequence, accents folded, stemmed. */
const WORD_QUERY = `phraseto_tsquery('english', fold_diacritics(word))`;

class PostgresStore implements Store {
  constructor(private readonly pool: pg.Pool) {}

  /** Runs `work` in one transaction on one connection, rolling back when it throws. */
  private async inTransaction<T>(begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(begin);
      try {
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    } finally {
      client.release();
    }
  }

  add(batch: AnnotatedArticle[]): Promise<AddResult> {
    return this.inTransaction('BEGIN', async (client) => {
      const result: AddResult = { added: [], alreadyStored: [], renamed: [] };
      for (const annotated of batch) {
        const stored = await this.store(client, annotated);
        if (stored.existing) {
          result.alreadyStored.push(stored.id);
          continue;
        }
        result.added.push(stored.id);
        if (stored.id !== annotated.article.id) result.renamed.push({ requestedId: annotated.article.id, storedId: stored.id });
      }
      return result;
    });
  }

  /**
   * Stores the article under its own id or, when different content has that id, under the id
   * suffixed with a content-hash prefix (the full hash if the prefix is taken too), as SQLite
   * does. ON CONFLICT makes a concurrent writer storing the same content or id a retry, not an
   * error: the loop then finds the content stored, or moves on to the next id.
   */
  private async store(client: pg.PoolClient, annotated: AnnotatedArticle): Promise<{ id: string; existing: boolean }> {
    const { article, contentHash } = annotated;
    const candidates = [article.id, `${article.id}~${contentHash.slice(0, 8)}`, `${article.id}~${contentHash}`];
    for (const id of candidates) {
      const existingId = await idByContent(client, contentHash);
      if (existingId !== undefined) return { id: existingId, existing: true };
      const inserted = await client.query<{ seq: string }>(
        `INSERT INTO articles (id, content_hash, source, published_on, title, url, text, origin_file, origin_line)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT DO NOTHING RETURNING seq`,
        [id, contentHash, article.source, article.publishedOn, article.title ?? null, article.url ?? null, article.text, article.origin.file, article.origin.line ?? null],
      );
      const seq = inserted.rows[0]?.seq;
      if (seq === undefined) continue;
      await insertSentences(client, seq, annotated.sentences);
      return { id, existing: false };
    }
    const existingId = await idByContent(client, contentHash);
    if (existingId !== undefined) return { id: existingId, existing: true };
    throw new Error(`article id '${article.id}' and its content-hash variants are all taken`);
  }

  async storedContent(contentHashes: readonly string[]): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ content_hash: string }>('SELECT content_hash FROM articles WHERE content_hash = ANY($1::text[])', [contentHashes]);
    return new Set(rows.map((row) => row.content_hash));
  }

  /** One snapshot for the article query and the chunked sentence queries: a concurrent ingest cannot land in between. */
  articles(filter: ArticleFilter = {}): Promise<AnnotatedArticle[]> {
    return this.inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (client) => {
      const rows = await matchingArticles(client, filter);
      const loaded: AnnotatedArticle[] = [];
      for (let start = 0; start < rows.length; start += LOAD_CHUNK) {
        loaded.push(...(await loadSentences(client, rows.slice(start, start + LOAD_CHUNK))));
      }
      return loaded;
    });
  }

  async plainArticles(): Promise<Article[]> {
    const { rows } = await this.pool.query<ArticleRow>('SELECT * FROM articles ORDER BY published_on, id');
    return rows.map(toArticle);
  }

  async searchSentences(query: string, limit = DEFAULT_SEARCH_LIMIT): Promise<SentenceHit[]> {
    const words = searchWords(query);
    if (words.length === 0) return [];
    // Every word's tsquery ANDed: a hit has every word of the query (none when every word is a
    // stop word: the AND of nothing is NULL). Normalisation 1 divides by 1 + log(sentence
    // length), so among equal matches the shorter sentence comes first.
    const { rows } = await this.pool.query<SentenceHitRow>(
      `WITH wanted AS (
         SELECT string_agg('(' || q::text || ')', ' & ')::tsquery AS q
         FROM unnest($1::text[]) AS word, ${WORD_QUERY} AS q WHERE numnode(q) > 0
       )
       SELECT a.id AS article_id, s.idx, s.text, a.published_on, a.source, -ts_rank(s.search, wanted.q, 1) AS rank
       FROM wanted
       JOIN sentences s ON s.search @@ wanted.q
       JOIN articles a ON a.seq = s.article_seq
       ORDER BY rank, a.id, s.idx
       LIMIT $2`,
      [words, limit],
    );
    return rows.map(toSentenceHit);
  }

  replaceDuplicateGroups(groups: DuplicateGroup[]): Promise<void> {
    return this.inTransaction('BEGIN', async (client) => {
      // Members go with their groups (ON DELETE CASCADE).
      await client.query('DELETE FROM duplicate_groups');
      for (const group of groups) {
        const { rows } = await client.query<{ id: string }>('INSERT INTO duplicate_groups (representative_id, kind) VALUES ($1, $2) RETURNING id', [
          group.representativeId,
          group.kind,
        ]);
        await client.query(
          `INSERT INTO duplicate_group_members (group_id, position, article_id)
           SELECT $1, position - 1, article_id FROM unnest($2::text[]) WITH ORDINALITY AS m (article_id, position)`,
          [rows[0]!.id, group.memberIds],
        );
      }
    });
  }

  async duplicateGroups(): Promise<DuplicateGroup[]> {
    const { rows } = await this.pool.query<GroupRow>(
      `SELECT g.representative_id, g.kind,
         ARRAY(SELECT article_id FROM duplicate_group_members WHERE group_id = g.id ORDER BY position) AS member_ids
       FROM duplicate_groups g ORDER BY g.id`,
    );
    return rows.map((row) => ({ representativeId: row.representative_id, memberIds: row.member_ids, kind: row.kind }));
  }

  async counts(): Promise<StoreCounts> {
    const { rows } = await this.pool.query<CountsRow>(
      `SELECT (SELECT count(*) FROM articles) AS articles,
              (SELECT count(*) FROM sentences) AS sentences,
              (SELECT coalesce(sum(timex_count), 0) FROM sentences) AS timexes,
              (SELECT count(*) FROM duplicate_groups) AS duplicate_groups`,
    );
    const row = rows[0]!;
    return { articles: Number(row.articles), sentences: Number(row.sentences), timexes: Number(row.timexes), duplicateGroups: Number(row.duplicate_groups) };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

async function idByContent(client: pg.PoolClient, contentHash: string): Promise<string | undefined> {
  const { rows } = await client.query<{ id: string }>('SELECT id FROM articles WHERE content_hash = $1', [contentHash]);
  return rows[0]?.id;
}

/** All of an article's sentences in one statement: one round trip per article, not per sentence. */
async function insertSentences(client: pg.PoolClient, seq: string, sentences: Sentence[]): Promise<void> {
  if (sentences.length === 0) return;
  const annotations = sentences.map((sentence) => JSON.stringify(annotationsOf(sentence)));
  await client.query(
    `INSERT INTO sentences (article_seq, idx, span_start, span_end, text, annotations, timex_count)
     SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[], $5::text[], $6::json[], $7::int[])`,
    [
      seq,
      sentences.map((s) => s.index),
      sentences.map((s) => s.span.start),
      sentences.map((s) => s.span.end),
      sentences.map((s) => s.text),
      annotations,
      sentences.map((s) => s.timexes.length),
    ],
  );
}

/**
 * Articles in the date window that have, for every query word, some sentence matching it: the
 * words may be spread over an article's sentences, as long as all occur in it.
 */
async function matchingArticles(client: pg.PoolClient, filter: ArticleFilter): Promise<ArticleRow[]> {
  // Each word finds its sentences through the GIN index; an article qualifies when its sentences
  // matched all the words. With no word left, nothing restricts the articles.
  const { rows } = await client.query<ArticleRow>(
    `WITH wanted AS (
       SELECT n, q FROM unnest($3::text[]) WITH ORDINALITY AS w (word, n), ${WORD_QUERY} AS q WHERE numnode(q) > 0
     ),
     matching AS (
       SELECT s.article_seq FROM wanted JOIN sentences s ON s.search @@ wanted.q
       GROUP BY s.article_seq HAVING count(DISTINCT wanted.n) = (SELECT count(*) FROM wanted)
     )
     SELECT * FROM articles
     WHERE published_on BETWEEN $1 AND $2
       AND (NOT EXISTS (SELECT 1 FROM wanted) OR seq IN (SELECT article_seq FROM matching))
     ORDER BY published_on, id`,
    [filter.from ?? EARLIEST_DAY, filter.to ?? LATEST_DAY, searchWords(filter.query ?? '')],
  );
  return rows;
}

/** Full annotated articles for a chunk of article rows, in the rows' order. */
async function loadSentences(client: pg.PoolClient, rows: ArticleRow[]): Promise<AnnotatedArticle[]> {
  const sentencesBySeq = new Map<string, Sentence[]>(rows.map((row) => [row.seq, []]));
  const { rows: sentenceRows } = await client.query<SentenceRow>(
    `SELECT article_seq, idx, span_start, span_end, text, annotations FROM sentences
     WHERE article_seq = ANY($1::bigint[]) ORDER BY article_seq, idx`,
    [rows.map((row) => row.seq)],
  );
  for (const row of sentenceRows) sentencesBySeq.get(row.article_seq)!.push(toSentence(row, row.annotations));
  return rows.map((row) => ({ article: toArticle(row), contentHash: row.content_hash, sentences: sentencesBySeq.get(row.seq)! }));
}



