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
  {
    description:
      'archive layout: sentences kept with their article, article words for selection, duplicate keys, a write counter',
    sql: `
      -- An article's sentences as one deflated JSON document (src/store/rows.ts StoredSentence),
      -- without their text, which is the article's sliced at each span: every reader wants an
      -- article's sentences whole, and a row per sentence repeated the text and every JSON key.
      -- The counts are kept beside it so that counting reads no document.
      -- chronicle_packed_sentences is the JavaScript encoder the writer uses.
      ALTER TABLE articles ADD COLUMN sentences BLOB;
      ALTER TABLE articles ADD COLUMN sentence_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE articles ADD COLUMN timex_count INTEGER NOT NULL DEFAULT 0;
      UPDATE articles SET
        sentences = chronicle_packed_sentences((SELECT json_group_array(json_array(span_start, span_end, json(annotations)))
          FROM (SELECT span_start, span_end, annotations FROM sentences WHERE article_seq = articles.seq ORDER BY idx))),
        sentence_count = (SELECT count(*) FROM sentences WHERE article_seq = articles.seq),
        timex_count = (SELECT coalesce(sum(timex_count), 0) FROM sentences WHERE article_seq = articles.seq);

      -- Selection reads the articles a query names, not the archive: the distinct lower-cased
      -- words of each article's headline and lead, and of all of it (src/query.ts), indexed by
      -- its seq. Contentless, because the words are derived from the article and only looked up,
      -- never shown; the unicode61 tokenizer keeps them as they are (they are already words), so
      -- an FTS5 prefix query finds exactly what the in-memory match finds. chronicle_lead_words
      -- and chronicle_all_words are the JavaScript functions the writer uses, registered on the
      -- connection that migrates.
      CREATE VIRTUAL TABLE article_words USING fts5 (lead, words, content = '', tokenize = 'unicode61 remove_diacritics 0');
      INSERT INTO article_words (rowid, lead, words) SELECT seq, chronicle_lead_words(title, text), chronicle_all_words(title, text) FROM articles;

      -- The distinct dates each article refers to, and whether ahead of its publication (a plan):
      -- what a broad timeline's date signal is counted from without reading articles, and how
      -- the articles about a few dates are found (Store.dateSignal, Store.articlesAbout).
      CREATE TABLE date_references (
        date TEXT NOT NULL,
        granularity TEXT NOT NULL,
        article_seq INTEGER NOT NULL REFERENCES articles (seq),
        planned INTEGER NOT NULL,
        PRIMARY KEY (date, granularity, article_seq)
      ) WITHOUT ROWID;
      CREATE INDEX date_references_by_article ON date_references (article_seq);
      INSERT OR IGNORE INTO date_references (date, granularity, article_seq, planned)
        SELECT json_extract(t.value, '$.refersTo.value'), json_extract(t.value, '$.refersTo.granularity'), s.article_seq,
          json_extract(t.value, '$.refersTo.value') > a.published_on
        FROM sentences s JOIN articles a ON a.seq = s.article_seq, json_each(s.annotations, '$.timexes') AS t
        WHERE json_extract(t.value, '$.refersTo') IS NOT NULL;
      CREATE INDEX articles_by_day ON articles (published_on, seq);

      -- The sentence index answered queries over sentences, which nothing asks any more.
      DROP TRIGGER sentences_fts_after_insert;
      DROP TRIGGER sentences_fts_after_delete;
      DROP TRIGGER sentences_fts_after_update;
      DROP TABLE sentences_fts;
      DROP TABLE sentences;

      -- Duplicate grouping as articles arrive: each article's MinHash band keys. A newcomer is
      -- compared only with the newest articles under its keys (src/select/duplicates.ts).
      CREATE TABLE duplicate_keys (
        key INTEGER NOT NULL,
        article_seq INTEGER NOT NULL REFERENCES articles (seq),
        PRIMARY KEY (key, article_seq)
      ) WITHOUT ROWID;
      -- Articles stored before the keys existed: the next write keys them (it has the detector).
      CREATE TABLE unkeyed_articles (seq INTEGER PRIMARY KEY REFERENCES articles (seq));
      INSERT INTO unkeyed_articles SELECT seq FROM articles;
      CREATE INDEX duplicate_group_members_by_article ON duplicate_group_members (article_id);

      -- Bumped by every write, so caches of timelines know when they are stale, with the totals a
      -- status line shows, kept as articles are added so that counting reads no article.
      CREATE TABLE store_totals (version INTEGER NOT NULL, articles INTEGER NOT NULL, sentences INTEGER NOT NULL, timexes INTEGER NOT NULL);
      INSERT INTO store_totals SELECT 0, count(*), coalesce(sum(sentence_count), 0), coalesce(sum(timex_count), 0) FROM articles;
    `,
  },
  {
    description: 'articles known by outlet, day and text: the same text from another outlet or day is another article',
    sql: `
      -- The unique key moves from the text alone to the article (src/store/storable.ts
      -- articleIdentity): a wire copy printed by another outlet, or again on another day, used to
      -- be dropped as "already stored"; now it is stored and grouped with its copies. Renaming
      -- keeps the unique index; the text's hash stays beside it, for exact-copy groups.
      -- chronicle_article_identity is the JavaScript function the writer uses.
      ALTER TABLE articles RENAME COLUMN content_hash TO identity;
      ALTER TABLE articles ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
      UPDATE articles SET content_hash = identity, identity = chronicle_article_identity(source, published_on, identity);
    `,
  },
  {
    description: 'stories: articles grouped by topic detection and tracking as they arrive',
    sql: `
      -- The stories of the archive (src/select/stories.ts): what a list shows in columns, the
      -- tracker's own state (centroid, names, outlets) as an opaque JSON document.
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        first_day TEXT NOT NULL,
        last_day TEXT NOT NULL,
        articles INTEGER NOT NULL,
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
      ) WITHOUT ROWID;
      CREATE INDEX story_keys_by_story ON story_keys (story_id);
      CREATE TABLE story_members (
        article_seq INTEGER PRIMARY KEY REFERENCES articles (seq),
        story_id TEXT NOT NULL REFERENCES stories (id)
      );
      CREATE INDEX story_members_by_story ON story_members (story_id, article_seq);
      -- How many tracked articles carry each term: the idf of the tracker's vectors.
      CREATE TABLE story_terms (term TEXT PRIMARY KEY, documents INTEGER NOT NULL) WITHOUT ROWID;
      -- Articles not yet placed in a story: every write adds its own, the next story update places them.
      CREATE TABLE unstoried_articles (seq INTEGER PRIMARY KEY REFERENCES articles (seq));
      INSERT INTO unstoried_articles SELECT seq FROM articles;
      -- Placing is in (day, id) order: the same archive gives the same stories however it was loaded.
      CREATE INDEX articles_by_day_and_id ON articles (published_on, id);
      -- What the tracker compares of each article, worked out at ingest (src/store/storable.ts):
      -- placing again (a rebuild) then reads no annotation. Older rows have none; they are profiled
      -- from their annotations when placed.
      ALTER TABLE articles ADD COLUMN story_profile TEXT;
      ALTER TABLE store_totals ADD COLUMN storied INTEGER NOT NULL DEFAULT 0;
    `,
  },
];
