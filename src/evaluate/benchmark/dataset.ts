// Reading a TLS dataset in the news-tls layout (Timeline17, Crisis): one folder per topic with
// articles.jsonl.gz, timelines.jsonl (the reference timelines) and keywords.json (the topic query).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, ReadIssue } from '../../model.js';
import { readInputs } from '../../read/index.js';
import { readNewsTlsTimelines, type TlsTimeline } from '../tls/index.js';

const ARTICLES_FILE = 'articles.jsonl.gz';
const TIMELINES_FILE = 'timelines.jsonl';
const KEYWORDS_FILE = 'keywords.json';

/** The dataset is missing or not in the expected layout: something the user fixes, not a bug. */
export class BenchmarkDataError extends Error {
  override name = 'BenchmarkDataError';
}

/** A topic before its articles are read: the references and the query are small, the articles are not. */
export interface TlsTopic {
  name: string;
  folder: string;
  /** The reference timelines, in timelines.jsonl line order (empty lines skipped, as news-tls does). */
  references: TlsTimeline[];
  keywords: string[];
}

/** Topic folders are those holding all three files; anything else in the dataset folder is ignored. */
export function listTopics(dataset: string): TlsTopic[] {
  if (!existsSync(dataset) || !statSync(dataset).isDirectory()) {
    throw new BenchmarkDataError(`no dataset folder at ${dataset}`);
  }
  const topics = readdirSync(dataset)
    .sort()
    .map((name) => join(dataset, name))
    .filter(
      (folder) =>
        statSync(folder).isDirectory() &&
        [ARTICLES_FILE, TIMELINES_FILE, KEYWORDS_FILE].every((f) => existsSync(join(folder, f))),
    )
    .map(readTopic);
  if (topics.length === 0) {
    throw new BenchmarkDataError(
      `${dataset} holds no topic folder with ${ARTICLES_FILE}, ${TIMELINES_FILE} and ${KEYWORDS_FILE}`,
    );
  }
  return topics;
}

function readTopic(folder: string): TlsTopic {
  const name = folder.split(/[\\/]/).pop()!;
  const references = readNewsTlsTimelines(readFileSync(join(folder, TIMELINES_FILE), 'utf8'));
  const keywords: unknown = JSON.parse(readFileSync(join(folder, KEYWORDS_FILE), 'utf8'));
  if (!Array.isArray(keywords) || !keywords.every((k) => typeof k === 'string')) {
    throw new BenchmarkDataError(`${join(folder, KEYWORDS_FILE)}: expected a JSON list of strings`);
  }
  return { name, folder, references, keywords };
}

export function topicArticlesFile(topic: TlsTopic): string {
  return join(topic.folder, ARTICLES_FILE);
}

export async function readTopicArticles(topic: TlsTopic): Promise<{ articles: Article[]; skipped: ReadIssue[] }> {
  const read = await readInputs([topicArticlesFile(topic)]);
  return { articles: read.articles, skipped: read.skipped };
}

/**
 * The keywords as a Chronicle query. Each keyword is its own alternative (news-tls keeps a
 * sentence when it contains any one of them), so they are joined with commas.
 */
export function keywordQuery(keywords: readonly string[]): string {
  return keywords.join(', ');
}
