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
];
