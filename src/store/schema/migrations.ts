// The store schema as an ordered history. Migration N (1-based) takes a store from schema
// version N-1 to N; `migrate` applies the ones a file has not seen yet. Never edit a released
// migration: files in the wild already ran it. Append a new one instead.

export interface Migration {
  /** Recorded in schema_migrations so a person inspecting a file can see what it went through. */
  description: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    description: 'articles and their sentence annotations',
    sql: `
      -- seq is the integer key sentence rows point at: a small integer per row instead of
      -- repeating the article's string id in hundreds of thousands of sentence rows.
      -- id is the article's public identity and stays unique.
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        published_on TEXT NOT NULL,
        title TEXT,
        url TEXT,
        text TEXT NOT NULL,
        origin_file TEXT NOT NULL,
        origin_line INTEGER
      );
      CREATE INDEX articles_by_date ON articles (published_on, id);

      -- id doubles as the full-text index rowid (see the next migration).
      -- annotations is the JSON of {tokens, timexes, mentions, quantities} exactly as the
      -- annotator produced them. Every reader wants a sentence's annotations whole, never one
      -- timex on its own, so a row per annotation (over a million rows for 20,000 articles)
      -- bought nothing but slower writes and reads; JSON round-trips the objects exactly,
      -- keeps token arrays intact (tokens may contain spaces), and SQLite's json functions can
      -- still look inside when needed.
      CREATE TABLE sentences (
        id INTEGER PRIMARY KEY,
        article_seq INTEGER NOT NULL REFERENCES articles (seq),
        idx INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        annotations TEXT NOT NULL,
        -- Kept beside the JSON so counting timexes does not parse every sentence.
        timex_count INTEGER NOT NULL,
        UNIQUE (article_seq, idx)
      );
    `,
  },
  {
    description: 'full-text index over sentence text',
    sql: `
      -- External content rather than a regular FTS table: the text already lives in sentences,
      -- so the index stores only tokens, not a second copy of every sentence. Unlike a
      -- contentless table it can still hand back column values (snippets, highlight) because
      -- its rowid is sentences.id. The triggers keep the two in step; a bulk insert pays for
      -- indexing inside the same transaction, so a crash can never leave them apart.
      -- unicode61 + remove_diacritics 2 folds case and accents ("Zoë" finds "Zoe"), which suits
      -- names in news copy; porter lets "strikes" find "strike".
      CREATE VIRTUAL TABLE sentences_fts USING fts5 (
        text,
        content = 'sentences',
        content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER sentences_fts_after_insert AFTER INSERT ON sentences BEGIN
        INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER sentences_fts_after_delete AFTER DELETE ON sentences BEGIN
        INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER sentences_fts_after_update AFTER UPDATE OF text ON sentences BEGIN
        INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
      END;
      -- Index sentences stored before this migration existed.
      INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');
    `,
  },
  {
    description: 'duplicate groups',
    sql: `
      CREATE TABLE duplicate_groups (
        id INTEGER PRIMARY KEY,
        representative_id TEXT NOT NULL REFERENCES articles (id),
        kind TEXT NOT NULL CHECK (kind IN ('exact', 'near'))
      );
      CREATE TABLE duplicate_group_members (
        group_id INTEGER NOT NULL REFERENCES duplicate_groups (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id),
        PRIMARY KEY (group_id, position)
      ) WITHOUT ROWID;
    `,
  },
];
