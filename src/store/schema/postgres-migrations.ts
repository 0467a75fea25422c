// The PostgreSQL store schema as an ordered history, the counterpart of migrations.ts (same
// tables and meaning, PostgreSQL's types and full-text search). Migration N (1-based) takes a
// schema from version N-1 to N. Never edit a released migration: append a new one instead.
// Tables are created in the connection's current schema (the first of its search_path), so one
// database can hold several stores side by side.
import type { Migration } from './migrations.js';

export const postgresMigrations: readonly Migration[] = [
  {
    description: 'articles, sentences with their annotations, full-text index',
    sql: `
      -- Ids and days compare byte by byte ("C"), as in SQLite, so ordering by date then id is the
      -- same on both backends whatever the database's locale.
      CREATE TABLE articles (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT COLLATE "C" NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        published_on TEXT COLLATE "C" NOT NULL,
        title TEXT,
        url TEXT,
        text TEXT NOT NULL,
        origin_file TEXT NOT NULL,
        origin_line INTEGER
      );
      CREATE INDEX articles_by_date ON articles (published_on, id);

      -- Accents are folded before stemming ("Zoë" finds "Zoe"), like SQLite's remove_diacritics:
      -- decompose, then drop the combining marks. Built in, so no extension (unaccent) has to be
      -- installed, and immutable, so a generated column may use it.
      CREATE FUNCTION fold_diacritics(input TEXT) RETURNS TEXT
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT regexp_replace(normalize(input, NFD), '[\\u0300-\\u036f]', '', 'g') $$;

      -- annotations holds {tokens, timexes, mentions, quantities} as the annotator made them
      -- (see migrations.ts for why one document per sentence). JSON, not JSONB: JSONB reorders
      -- object keys, so timelines rendered from this store would list fields in another order
      -- than from SQLite or from files; nothing needs JSONB's indexes, and the json operators
      -- still reach inside. search is the sentence's tsvector, kept by the database itself so
      -- no writer can forget it.
      CREATE TABLE sentences (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_seq BIGINT NOT NULL REFERENCES articles (seq),
        idx INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        annotations JSON NOT NULL,
        timex_count INTEGER NOT NULL,
        search TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', fold_diacritics(text))) STORED,
        UNIQUE (article_seq, idx)
      );
      CREATE INDEX sentences_search ON sentences USING GIN (search);
    `,
  },
  {
    description: 'duplicate groups',
    sql: `
      CREATE TABLE duplicate_groups (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        representative_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id),
        kind TEXT NOT NULL CHECK (kind IN ('exact', 'near'))
      );
      CREATE TABLE duplicate_group_members (
        group_id BIGINT NOT NULL REFERENCES duplicate_groups (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id),
        PRIMARY KEY (group_id, position)
      );
    `,
  },
  {
    description:
      'archive layout: sentences kept with their article, article words for selection, duplicate keys, a write counter',
    sql: `
      -- An article's sentences as one JSON document (src/store/rows.ts StoredSentence), without
      -- their text, which is the article's sliced at each span; PostgreSQL compresses it (TOAST).
      -- JSON, not JSONB, as before: the objects keep their key order. Counts kept beside it.
      ALTER TABLE articles ADD COLUMN sentences JSON;
      ALTER TABLE articles ADD COLUMN sentence_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE articles ADD COLUMN timex_count INTEGER NOT NULL DEFAULT 0;
      UPDATE articles a SET sentences = s.packed, sentence_count = s.n, timex_count = s.timexes
      FROM (
        SELECT article_seq, count(*) AS n, sum(timex_count) AS timexes,
          json_agg(json_build_object(
            'span', json_build_array(span_start, span_end),
            'tokens', annotations -> 'tokens', 'timexes', annotations -> 'timexes',
            'mentions', annotations -> 'mentions', 'quantities', annotations -> 'quantities') ORDER BY idx) AS packed
        FROM sentences GROUP BY article_seq
      ) AS s
      WHERE s.article_seq = a.seq;
      UPDATE articles SET sentences = '[]' WHERE sentences IS NULL;
      ALTER TABLE articles ALTER COLUMN sentences SET NOT NULL;

      -- The distinct dates each article refers to, and whether ahead of its publication (a plan):
      -- a broad timeline's date signal, counted without reading articles (see migrations.ts).
      CREATE TABLE date_references (
        date TEXT COLLATE "C" NOT NULL,
        granularity TEXT NOT NULL,
        article_seq BIGINT NOT NULL REFERENCES articles (seq),
        planned BOOLEAN NOT NULL,
        PRIMARY KEY (date, granularity, article_seq)
      );
      CREATE INDEX date_references_by_article ON date_references (article_seq);
      INSERT INTO date_references (date, granularity, article_seq, planned)
        SELECT DISTINCT t -> 'refersTo' ->> 'value', t -> 'refersTo' ->> 'granularity', s.article_seq,
          (t -> 'refersTo' ->> 'value') COLLATE "C" > a.published_on
        FROM sentences s JOIN articles a ON a.seq = s.article_seq, json_array_elements(s.annotations -> 'timexes') AS t
        WHERE t -> 'refersTo' IS NOT NULL;
      DROP TABLE sentences;
      -- It served only the sentences' search column.
      DROP FUNCTION fold_diacritics (TEXT);

      -- The distinct lower-cased words of each article's headline and lead, and of all of it
      -- (src/query.ts), without positions: selection asks which articles hold words, never where.
      -- The writer passes the words JavaScript found, so a prefix tsquery finds exactly what the
      -- in-memory match finds; rows stored before this migration get the nearest SQL can do (runs
      -- of [:alnum:], the lead cut after the third sentence-ending stop).
      ALTER TABLE articles ADD COLUMN lead_words TSVECTOR;
      ALTER TABLE articles ADD COLUMN words TSVECTOR;
      UPDATE articles SET
        words = strip(to_tsvector('simple', regexp_replace(lower(coalesce(title, '') || ' ' || text), '[^[:alnum:]]+', ' ', 'g'))),
        lead_words = strip(to_tsvector('simple', regexp_replace(lower(coalesce(title, '') || ' ' || coalesce(substring(text FROM '^(?:[^.!?]*(?:[.!?]+(?:\\s+|$)|$)){1,3}'), text)), '[^[:alnum:]]+', ' ', 'g')));
      ALTER TABLE articles ALTER COLUMN words SET NOT NULL;
      ALTER TABLE articles ALTER COLUMN lead_words SET NOT NULL;
      CREATE INDEX articles_words ON articles USING GIN (words);
      CREATE INDEX articles_lead_words ON articles USING GIN (lead_words);

      -- Each article's MinHash band keys, for grouping duplicates as they arrive.
      CREATE TABLE duplicate_keys (
        key INTEGER NOT NULL,
        article_seq BIGINT NOT NULL REFERENCES articles (seq),
        PRIMARY KEY (key, article_seq)
      );
      -- Articles stored before the keys existed: the next write keys them (it has the detector).
      CREATE TABLE unkeyed_articles (seq BIGINT PRIMARY KEY REFERENCES articles (seq));
      INSERT INTO unkeyed_articles SELECT seq FROM articles;
      CREATE INDEX duplicate_group_members_by_article ON duplicate_group_members (article_id);

      -- Bumped by every write, so caches of timelines know when they are stale, with the totals a
      -- status line shows, kept as articles are added so that counting reads no article.
      CREATE TABLE store_totals (version BIGINT NOT NULL, articles BIGINT NOT NULL, sentences BIGINT NOT NULL, timexes BIGINT NOT NULL);
      INSERT INTO store_totals SELECT 0, count(*), coalesce(sum(sentence_count), 0), coalesce(sum(timex_count), 0) FROM articles;
    `,
  },
  {
    description: 'articles known by outlet, day and text: the same text from another outlet or day is another article',
    sql: `
      -- As SQLite's migration 5: the unique key moves from the text alone to the article
      -- (src/store/storable.ts articleIdentity, the sha256 of outlet, day and text hash, each
      -- followed by a line break but the last), and the text's hash stays beside it.
      ALTER TABLE articles RENAME COLUMN content_hash TO identity;
      ALTER TABLE articles ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
      UPDATE articles SET content_hash = identity,
        identity = encode(sha256(convert_to(source || E'\\n' || published_on || E'\\n' || identity, 'UTF8')), 'hex');
    `,
  },
  {
    description: 'stories: articles grouped by topic detection and tracking as they arrive',
    sql: `
      -- As SQLite's migration 6. The stories of the archive (src/select/stories.ts): what a list shows in columns, the
      -- tracker's own state (centroid, names, outlets) as an opaque JSON document.
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        first_day TEXT NOT NULL,
        last_day TEXT NOT NULL,
        articles BIGINT NOT NULL,
        independent INTEGER NOT NULL,
        outlets INTEGER NOT NULL,
        names TEXT NOT NULL,
        places TEXT NOT NULL,
        state TEXT NOT NULL
      );
      CREATE INDEX stories_by_last_day ON stories (last_day);
      CREATE INDEX stories_by_size ON stories (articles);
      -- Each story's heaviest terms: a newcomer is compared only with the stories sharing one.
      CREATE TABLE story_keys (
        term TEXT NOT NULL,
        story_id TEXT NOT NULL REFERENCES stories (id),
        PRIMARY KEY (term, story_id)
      );
      CREATE INDEX story_keys_by_story ON story_keys (story_id);
      CREATE TABLE story_members (
        article_seq BIGINT PRIMARY KEY REFERENCES articles (seq),
        story_id TEXT NOT NULL REFERENCES stories (id)
      );
      CREATE INDEX story_members_by_story ON story_members (story_id, article_seq);
      -- How many tracked articles carry each term: the idf of the tracker's vectors.
      CREATE TABLE story_terms (term TEXT PRIMARY KEY, documents BIGINT NOT NULL);
      -- Articles not yet placed in a story: every write adds its own, the next story update places them.
      CREATE TABLE unstoried_articles (seq BIGINT PRIMARY KEY REFERENCES articles (seq));
      INSERT INTO unstoried_articles SELECT seq FROM articles;
      -- Placing is in (day, id) order (articles_by_date): the same archive gives the same stories however it was loaded.
      -- What the tracker compares of each article, worked out at ingest (src/store/storable.ts):
      -- placing again (a rebuild) then reads no annotation. Older rows have none; they are profiled
      -- from their annotations when placed.
      ALTER TABLE articles ADD COLUMN story_profile TEXT;
      ALTER TABLE store_totals ADD COLUMN storied BIGINT NOT NULL DEFAULT 0;
    `,
  },
];
