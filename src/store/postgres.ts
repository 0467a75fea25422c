// The server store: PostgreSQL through a connection pool (node-postgres), schema in
// ./schema/postgres-migrations.ts. Same contract and meaning as the SQLite store: selection goes
// through the articles' word tsvector and its GIN index, duplicate grouping through the key index.
// Several writers (ingests, queue workers) may add at once: each batch first takes an advisory
// lock on every duplicate key it carries, in one sorted order (so no two batches deadlock), and a
// batch that could be a copy of another waits until that one has committed and can be seen.
import pg from 'pg';
import type {
  AnnotatedArticle,
  DateRef,
  DateSignal,
  DuplicateDetector,
  DuplicateGroup,
  Selection,
  Story,
  StoryTracker,
  StoryUpdate,
} from '../model.js';
import { selectionQuery, tsQueries } from '../query.js';
import { fingerprintsOf, groupChange, type Candidate, type GroupId } from './grouping.js';
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
import { postgresMigrations } from './schema/postgres-migrations.js';
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
import { sentencesJson, type StorableArticle } from './storable.js';
import {
  redactedUrl,
  StoreError,
  type AddResult,
  type ArticleList,
  type OpenOptions,
  type Store,
  type StoreCounts,
  type StoryList,
  type StoryQuery,
} from './store.js';

const EARLIEST_DAY = '0000-00-00';
const LATEST_DAY = '9999-99-99';
/** First key of the advisory lock that serialises migrations (the second is the schema's). */
const MIGRATION_LOCK = 0x6368726f; // "chro"
/** First key of the advisory locks on duplicate keys (the second is the key). */
const DUPLICATE_KEY_LOCK = 0x64757073; // "dups"
/** The advisory lock story updates take page by page: one placer at a time, so no story opens twice. */
const STORY_LOCK = 0x73746f72; // "stor"

/** The URL with its password masked: what error messages and logs may show. */

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
  const message =
    error instanceof Error
      ? error.message || (typeof code === 'string' || typeof code === 'number' ? String(code) : 'unknown error')
      : String(error);
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
        throw new StoreError(
          location,
          `schema '${schema}' holds tables of some other program, none of them chronicle's (give a dedicated database, or a schema with options=-c search_path=<schema>)`,
        );
      }
      if (version > postgresMigrations.length) {
        throw new StoreError(
          location,
          `store schema version ${version} is newer than this program understands (${postgresMigrations.length}); upgrade chronicle`,
        );
      }
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
      for (let next = version + 1; next <= postgresMigrations.length; next++) {
        const migration = postgresMigrations[next - 1]!;
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [
          next,
          migration.description,
        ]);
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
  if (!schema)
    throw new StoreError(
      location,
      'no schema of the search_path exists to hold the store (create it, or fix options=-c search_path=…)',
    );
  return schema;
}

async function schemaVersion(client: pg.PoolClient, schema: string): Promise<number> {
  const { rows } = await client.query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = 'schema_migrations') AS present`,
    [schema],
  );
  if (!rows[0]?.present) return 0;
  const version = await client.query<{ version: number }>(
    'SELECT coalesce(max(version), 0) AS version FROM schema_migrations',
  );
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
  sentences: StoredSentence[];
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
  duplicates: string;
}

interface CandidateRow extends MemberRow {
  seq: string;
  group_id: string | null;
}

interface GroupMemberRow extends MemberRow {
  seq: string;
  group_id: string;
}

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

  add(batch: readonly StorableArticle[], duplicates: DuplicateDetector): Promise<AddResult> {
    return this.inTransaction('BEGIN', async (client) => {
      const keys = batch.flatMap((storable) => storable.duplicateKeys);
      await client.query(
        `SELECT pg_advisory_xact_lock(${DUPLICATE_KEY_LOCK}, key) FROM (SELECT DISTINCT unnest($1::int[]) AS key ORDER BY 1) AS keys`,
        [keys],
      );
      await keyUnkeyed(client, duplicates);
      const result: AddResult = { added: [], alreadyStored: [], renamed: [] };
      let sentences = 0;
      let timexes = 0;
      for (const storable of batch) {
        const stored = await this.store(client, storable);
        if (stored.existing) {
          result.alreadyStored.push(stored.id);
          continue;
        }
        await group(client, stored, storable, duplicates);
        sentences += storable.sentenceCount;
        timexes += storable.timexCount;
        result.added.push(stored.id);
        if (stored.id !== storable.article.id)
          result.renamed.push({ requestedId: storable.article.id, storedId: stored.id });
      }
      // Last, so the row lock it takes is held only until the commit.
      if (result.added.length > 0) {
        await client.query(
          'UPDATE store_totals SET version = version + 1, articles = articles + $1, sentences = sentences + $2, timexes = timexes + $3',
          [result.added.length, sentences, timexes],
        );
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
  private async store(
    client: pg.PoolClient,
    storable: StorableArticle,
  ): Promise<{ id: string; seq?: string; existing: boolean }> {
    const { article, identity, contentHash, words } = storable;
    const candidates = [article.id, `${article.id}~${identity.slice(0, 8)}`, `${article.id}~${identity}`];
    for (const id of candidates) {
      const existingId = await idByIdentity(client, identity);
      if (existingId !== undefined) return { id: existingId, existing: true };
      const inserted = await client.query<{ seq: string }>(
        `INSERT INTO articles (id, content_hash, source, published_on, title, url, text, origin_file, origin_line, identity, lead_words, words, sentences, sentence_count, timex_count, story_profile)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, strip(to_tsvector('simple', $11)), strip(to_tsvector('simple', $12)), $13, $14, $15, $16)
         ON CONFLICT DO NOTHING RETURNING seq`,
        [
          ...articleColumnValues(article, id, contentHash),
          identity,
          words.lead,
          words.all,
          sentencesJson(storable),
          storable.sentenceCount,
          storable.timexCount,
          storable.storyProfile,
        ],
      );
      const seq = inserted.rows[0]?.seq;
      if (seq === undefined) continue;
      await client.query('INSERT INTO unstoried_articles (seq) VALUES ($1)', [seq]);
      const references = storable.dateReferences;
      await client.query(
        `INSERT INTO date_references (date, granularity, article_seq, planned)
         SELECT d.date, d.granularity, $4::bigint, d.planned FROM unnest($1::text[], $2::text[], $3::boolean[]) AS d (date, granularity, planned)`,
        [references.map((r) => r.value), references.map((r) => r.granularity), references.map((r) => r.planned), seq],
      );
      return { id, seq, existing: false };
    }
    const existingId = await idByIdentity(client, identity);
    if (existingId !== undefined) return { id: existingId, existing: true };
    throw new Error(`article id '${article.id}' and its content-hash variants are all taken`);
  }

  async storedIdentities(identities: readonly string[]): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ identity: string }>(
      'SELECT identity FROM articles WHERE identity = ANY($1::text[])',
      [identities],
    );
    return new Set(rows.map((row) => row.identity));
  }

  /** Articles passing the selection's window, outlet and words, through the indexes. */
  async articles(selection: Selection = {}): Promise<AnnotatedArticle[]> {
    const { rows } = await this.pool.query<ArticleRow>(
      `SELECT * FROM articles WHERE ${SELECTED} ORDER BY published_on, id`,
      selectionParameters(selection),
    );
    return rows.map(annotatedFrom);
  }

  /** A date's articles are few and the selection's many: the selection is checked row by row. */
  async articlesAbout(selection: Selection, dates: readonly DateRef[], perDate: number): Promise<AnnotatedArticle[]> {
    const rows = new Map<string, ArticleRow>();
    const parameters = selectionParameters(selection);
    for (const date of dates) {
      const referring = await this.pool.query<ArticleRow>(
        `SELECT articles.* FROM date_references JOIN articles ON seq = article_seq
         WHERE date = $7 AND granularity = $8 AND ${SELECTED} ORDER BY published_on, id LIMIT $9`,
        [...parameters, date.value, date.granularity, perDate],
      );
      for (const row of referring.rows) rows.set(row.seq, row);
      if (date.granularity !== 'day') continue;
      const published = await this.pool.query<ArticleRow>(
        `SELECT * FROM articles WHERE published_on = $7 AND ${SELECTED} ORDER BY id LIMIT $8`,
        [...parameters, date.value, perDate],
      );
      for (const row of published.rows) rows.set(row.seq, row);
    }
    return inPublicationOrder(rows.values()).map(annotatedFrom);
  }

  /** Copies count once: an article that is a group's member but not its representative is left out. */
  async dateSignal(selection: Selection): Promise<DateSignal[]> {
    const { rows } = await this.pool.query<DateSignalRow>(
      `WITH chosen AS (
         SELECT seq, published_on FROM articles WHERE ${SELECTED} AND seq NOT IN (
           SELECT a.seq FROM duplicate_group_members m JOIN duplicate_groups g ON g.id = m.group_id
           JOIN articles a ON a.id = m.article_id WHERE m.article_id <> g.representative_id)
       )
       SELECT date, granularity, sum(published) AS published, sum(reported) AS reported, sum(planned) AS planned FROM (
         SELECT published_on AS date, 'day' AS granularity, count(*) AS published, 0 AS reported, 0 AS planned FROM chosen GROUP BY published_on
         UNION ALL
         SELECT r.date, r.granularity, 0, count(*) FILTER (WHERE NOT r.planned), count(*) FILTER (WHERE r.planned)
         FROM date_references r JOIN chosen c ON c.seq = r.article_seq GROUP BY r.date, r.granularity
       ) AS counted
       GROUP BY date, granularity ORDER BY date, granularity`,
      selectionParameters(selection),
    );
    return rows.map(toDateSignal);
  }

  articleList(selection: Selection, page: { offset: number; limit: number }): Promise<ArticleList> {
    return this.inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (client) => {
      const { rows: counted } = await client.query<{ total: string }>(
        `SELECT count(*) AS total FROM articles WHERE ${SELECTED}`,
        selectionParameters(selection),
      );
      const { rows } = await client.query<ArticleRow>(
        `SELECT * FROM articles WHERE ${SELECTED} ORDER BY published_on, id LIMIT $7 OFFSET $8`,
        [...selectionParameters(selection), page.limit, page.offset],
      );
      return { total: Number(counted[0]!.total), articles: rows.map((row) => toSummary(row, row.sentences)) };
    });
  }

  async article(id: string): Promise<AnnotatedArticle | undefined> {
    const { rows } = await this.pool.query<ArticleRow>('SELECT * FROM articles WHERE id = $1', [id]);
    return rows[0] && annotatedFrom(rows[0]);
  }

  async duplicateGroups(articleIds?: readonly string[]): Promise<DuplicateGroup[]> {
    const { rows } = await this.pool.query<GroupRow>(
      `SELECT g.representative_id, g.kind,
         ARRAY(SELECT article_id FROM duplicate_group_members WHERE group_id = g.id ORDER BY position) AS member_ids
       FROM duplicate_groups g
       WHERE $1::text[] IS NULL OR g.id IN (SELECT group_id FROM duplicate_group_members WHERE article_id = ANY($1::text[]))
       ORDER BY g.id`,
      [articleIds ?? null],
    );
    return rows.map((row) => ({ representativeId: row.representative_id, memberIds: row.member_ids, kind: row.kind }));
  }

  async updateStories(tracker: StoryTracker): Promise<number> {
    const { rows } = await this.pool.query<{ day: string | null }>(
      'SELECT min(a.published_on) AS day FROM unstoried_articles u JOIN articles a ON a.seq = u.seq',
    );
    const firstDay = rows[0]?.day;
    if (firstDay === null || firstDay === undefined) return 0;
    let cursor: [string, string] = [firstDay, ''];
    let placed = 0;
    for (;;) {
      const page = await this.inTransaction('BEGIN', (client) => placeStoryPage(client, tracker, cursor));
      if (!page) return placed;
      placed += page.placed;
      cursor = page.cursor;
    }
  }

  async rebuildStories(tracker: StoryTracker): Promise<number> {
    await this.inTransaction('BEGIN', async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${STORY_LOCK}, 0)`);
      await client.query('TRUNCATE story_members, story_keys, story_terms, stories');
      await client.query('INSERT INTO unstoried_articles (seq) SELECT seq FROM articles ON CONFLICT DO NOTHING');
      await client.query('UPDATE store_totals SET version = version + 1, storied = 0');
    });
    return this.updateStories(tracker);
  }

  async stories(query: StoryQuery): Promise<StoryList> {
    const where = 'last_day >= $1 AND first_day <= $2 AND articles >= $3';
    const bounds = [query.from ?? EARLIEST_DAY, query.to ?? LATEST_DAY, query.minArticles ?? 1];
    const order = storyListOrder(query.order);
    return this.inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (client) => {
      const counted = await client.query<{ total: string }>(
        `SELECT count(*) AS total FROM stories WHERE ${where}`,
        bounds,
      );
      const listed = await client.query<StoryRow>(
        `SELECT * FROM stories WHERE ${where} ORDER BY ${order} LIMIT $4 OFFSET $5`,
        [...bounds, query.limit, query.offset],
      );
      return { total: Number(counted.rows[0]!.total), stories: listed.rows.map(toStory) };
    });
  }

  async story(id: string): Promise<Story | undefined> {
    const { rows } = await this.pool.query<StoryRow>('SELECT * FROM stories WHERE id = $1', [id]);
    return rows[0] && toStory(rows[0]);
  }

  async version(): Promise<number> {
    const { rows } = await this.pool.query<{ version: string }>('SELECT version FROM store_totals');
    return Number(rows[0]!.version);
  }

  async counts(): Promise<StoreCounts> {
    const { rows } = await this.pool.query<CountsRow>(
      `SELECT articles, sentences, timexes,
              (SELECT count(*) FROM duplicate_groups) AS duplicate_groups,
              (SELECT count(*) FROM duplicate_group_members) - (SELECT count(*) FROM duplicate_groups) AS duplicates
       FROM store_totals`,
    );
    const row = rows[0]!;
    return {
      articles: Number(row.articles),
      sentences: Number(row.sentences),
      timexes: Number(row.timexes),
      duplicateGroups: Number(row.duplicate_groups),
      duplicates: Number(row.duplicates),
    };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

async function idByIdentity(client: pg.PoolClient, identity: string): Promise<string | undefined> {
  const { rows } = await client.query<{ id: string }>('SELECT id FROM articles WHERE identity = $1', [identity]);
  return rows[0]?.id;
}

/** The condition of a selection on articles, with parameters $1 to $6 (`selectionParameters`). */
const SELECTED = `published_on BETWEEN $1 AND $2
  AND ($3::text IS NULL OR source = $3)
  AND ($6::text IS NULL OR seq IN (SELECT article_seq FROM story_members WHERE story_id = $6))
  AND ($4 = '' OR lead_words @@ to_tsquery('simple', $4))
  AND ($5 = '' OR words @@ to_tsquery('simple', $5))`;

function selectionParameters(selection: Selection): unknown[] {
  const { topic, names } = tsQueries(selectionQuery(selection));
  return [
    selection.publishedFrom ?? EARLIEST_DAY,
    selection.publishedTo ?? LATEST_DAY,
    selection.source ?? null,
    topic,
    names,
    selection.story ?? null,
  ];
}

/** Keys for articles stored before the key index existed; their groups were already made. */
async function keyUnkeyed(client: pg.PoolClient, duplicates: DuplicateDetector): Promise<void> {
  const { rows } = await client.query<{ seq: string; text: string }>(
    'WITH taken AS (DELETE FROM unkeyed_articles RETURNING seq) SELECT a.seq, a.text FROM taken JOIN articles a ON a.seq = taken.seq',
  );
  for (const { seq, text } of rows) await insertKeys(client, seq, duplicates.keys(duplicates.fingerprint(text)));
}

async function insertKeys(client: pg.PoolClient, seq: string, keys: readonly number[]): Promise<void> {
  await client.query(
    'INSERT INTO duplicate_keys (key, article_seq) SELECT DISTINCT unnest($1::int[]), $2::bigint ON CONFLICT DO NOTHING',
    [keys, seq],
  );
}

/** Joins a newly stored article to the stored copies of its story (see grouping.ts). */
async function group(
  client: pg.PoolClient,
  stored: { id: string; seq?: string },
  { article, contentHash, fingerprint, duplicateKeys: keys }: StorableArticle,
  duplicates: DuplicateDetector,
): Promise<void> {
  const seq = stored.seq!;
  const { rows: keyed } = await client.query<{ n: number; seq: string }>(
    `SELECT k.n, d.article_seq AS seq FROM unnest($1::int[]) WITH ORDINALITY AS k (key, n)
     CROSS JOIN LATERAL (SELECT article_seq FROM duplicate_keys WHERE key = k.key ORDER BY article_seq DESC LIMIT $2) AS d`,
    [keys, duplicates.candidatesPerKey],
  );
  await insertKeys(client, seq, keys);
  const byKey: number[][] = keys.map(() => []);
  for (const row of keyed) byKey[row.n - 1]!.push(Number(row.seq));
  const fingerprints = fingerprintsOf(duplicates);
  fingerprints.keep(contentHash, fingerprint);
  const shortlist = duplicates.shortlist(byKey);
  if (shortlist.length === 0) return;
  const { rows } = await client.query<CandidateRow>(
    `SELECT a.seq, a.id, a.published_on, a.content_hash, m.group_id
     FROM articles a LEFT JOIN duplicate_group_members m ON m.article_id = a.id WHERE a.seq = ANY($1::bigint[])`,
    [shortlist],
  );
  // Only the texts whose fingerprints are not kept are read.
  const fingerprintOf = new Map(
    rows.flatMap((row) => {
      const known = fingerprints.get(row.content_hash);
      return known ? [[row.content_hash, known] as const] : [];
    }),
  );
  const unknown = rows.filter((row) => !fingerprintOf.has(row.content_hash));
  if (unknown.length > 0) {
    const { rows: texts } = await client.query<{ content_hash: string; text: string }>(
      'SELECT content_hash, text FROM articles WHERE seq = ANY($1::bigint[])',
      [unknown.map((row) => row.seq)],
    );
    for (const { content_hash, text } of texts) fingerprintOf.set(content_hash, fingerprints.make(content_hash, text));
  }
  const bySeq = new Map(rows.map((row) => [row.seq, row]));
  const candidates: Candidate[] = shortlist.map((candidateSeq) => {
    const row = bySeq.get(String(candidateSeq))!;
    return {
      seq: row.seq,
      member: toGroupMember(row),
      fingerprint: fingerprintOf.get(row.content_hash)!,
      ...(row.group_id !== null && { groupId: row.group_id }),
    };
  });
  const { rows: members } = await client.query<GroupMemberRow>(
    `SELECT m.group_id, a.seq, a.id, a.published_on, a.content_hash FROM duplicate_group_members m JOIN articles a ON a.id = m.article_id WHERE m.group_id = ANY($1::bigint[])`,
    [candidates.flatMap((c) => (c.groupId === undefined ? [] : [c.groupId]))],
  );
  const membersOf = new Map<GroupId, { seq: string; member: ReturnType<typeof toGroupMember> }[]>();
  for (const row of members)
    membersOf.set(row.group_id, [...(membersOf.get(row.group_id) ?? []), { seq: row.seq, member: toGroupMember(row) }]);
  const change = groupChange(
    { fingerprint, member: { id: stored.id, publishedOn: article.publishedOn, contentHash } },
    candidates,
    membersOf,
    duplicates,
  );
  if (!change) return;
  // Members go with their groups (ON DELETE CASCADE).
  await client.query('DELETE FROM duplicate_groups WHERE id = ANY($1::bigint[])', [change.replaces]);
  const { rows: inserted } = await client.query<{ id: string }>(
    'INSERT INTO duplicate_groups (representative_id, kind) VALUES ($1, $2) RETURNING id',
    [change.group.representativeId, change.group.kind],
  );
  await client.query(
    `INSERT INTO duplicate_group_members (group_id, position, article_id)
     SELECT $1, position - 1, article_id FROM unnest($2::text[]) WITH ORDINALITY AS m (article_id, position)`,
    [inserted[0]!.id, change.group.memberIds],
  );
}

type UnstoriedArticleRow = ArticleRow & UnstoriedRow & { story_profile: string | null };

/** One page of story placing, under the story lock (see SQLite's placeStoryPage for the same steps). */
async function placeStoryPage(
  client: pg.PoolClient,
  tracker: StoryTracker,
  after: [string, string],
): Promise<{ placed: number; cursor: [string, string] } | undefined> {
  await client.query(`SELECT pg_advisory_xact_lock(${STORY_LOCK}, 0)`);
  const { rows } = await client.query<UnstoriedArticleRow>(
    `SELECT a.*, g.representative_id AS original_id, sm.story_id AS original_story
     FROM (SELECT seq FROM articles WHERE (published_on, id) > ($1, $2)
             AND EXISTS (SELECT 1 FROM unstoried_articles u WHERE u.seq = articles.seq)
           ORDER BY published_on, id LIMIT $3) AS page
     JOIN articles a ON a.seq = page.seq
     LEFT JOIN duplicate_group_members m ON m.article_id = a.id
     LEFT JOIN duplicate_groups g ON g.id = m.group_id AND g.representative_id <> a.id
     LEFT JOIN articles ra ON ra.id = g.representative_id
     LEFT JOIN story_members sm ON sm.article_seq = ra.seq
     ORDER BY a.published_on, a.id`,
    [after[0], after[1], STORY_PAGE],
  );
  if (rows.length === 0) return undefined;
  const unstoried = rows.map((row) =>
    toUnstoried(row, toArticle(row), row.story_profile, () => annotatedFrom(row), tracker),
  );
  const page = storyPage(unstoried, tracker.windowDays);
  const nearby = await client.query<StoryRow & { keys: string[] }>(
    `SELECT s.*, ARRAY(SELECT term FROM story_keys k WHERE k.story_id = s.id) AS keys FROM stories s
     WHERE (s.id IN (SELECT story_id FROM story_keys WHERE term = ANY($1::text[])) AND s.last_day >= $2 AND s.first_day <= $3)
       OR s.id = ANY($4::text[])
     ORDER BY s.id`,
    [page.terms, page.fromDay, page.toDay, page.originalStories],
  );
  const counted = await client.query<{ term: string; documents: string }>(
    'SELECT term, documents FROM story_terms WHERE term = ANY($1::text[])',
    [page.terms],
  );
  const totals = await client.query<{ storied: string }>('SELECT storied FROM store_totals');
  const update = tracker.track(
    {
      stories: nearby.rows.map((row) => toStoredStory(row, row.keys)),
      documentFrequency: new Map(counted.rows.map((row) => [row.term, Number(row.documents)])),
      documents: Number(totals.rows[0]!.storied),
    },
    page.arrivals,
  );
  await writeStories(client, update, page.seqOf);
  await client.query('DELETE FROM unstoried_articles WHERE seq = ANY($1::bigint[])', [unstoried.map((u) => u.seq)]);
  const last = rows[rows.length - 1]!;
  return { placed: rows.length, cursor: [last.published_on, last.id] };
}

async function writeStories(
  client: pg.PoolClient,
  update: StoryUpdate,
  seqOf: ReadonlyMap<string, number | string>,
): Promise<void> {
  for (const stored of update.changed) {
    await client.query(
      `INSERT INTO stories (id, label, first_day, last_day, articles, independent, outlets, names, places, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET label = excluded.label, first_day = excluded.first_day, last_day = excluded.last_day,
         articles = excluded.articles, independent = excluded.independent, outlets = excluded.outlets,
         names = excluded.names, places = excluded.places, state = excluded.state`,
      storyColumnValues(stored),
    );
    await client.query('DELETE FROM story_keys WHERE story_id = $1', [stored.story.id]);
    await client.query('INSERT INTO story_keys (term, story_id) SELECT unnest($1::text[]), $2', [
      stored.keys,
      stored.story.id,
    ]);
  }
  for (const { id, into } of update.merged) {
    await client.query('UPDATE story_members SET story_id = $1 WHERE story_id = $2', [into, id]);
    await client.query('DELETE FROM story_keys WHERE story_id = $1', [id]);
    await client.query('DELETE FROM stories WHERE id = $1', [id]);
  }
  const assigned = [...update.assigned];
  await client.query(
    'INSERT INTO story_members (article_seq, story_id) SELECT * FROM unnest($1::bigint[], $2::text[])',
    [assigned.map(([articleId]) => seqOf.get(articleId)), assigned.map(([, storyId]) => storyId)],
  );
  const terms = [...update.documentFrequency];
  await client.query(
    `INSERT INTO story_terms (term, documents) SELECT * FROM unnest($1::text[], $2::bigint[])
     ON CONFLICT (term) DO UPDATE SET documents = story_terms.documents + excluded.documents`,
    [terms.map(([term]) => term), terms.map(([, documents]) => documents)],
  );
  await client.query('UPDATE store_totals SET version = version + 1, storied = storied + $1', [update.documents]);
}

function annotatedFrom(row: ArticleRow): AnnotatedArticle {
  return { article: toArticle(row), contentHash: row.content_hash, sentences: sentencesFrom(row.text, row.sentences) };
}
