// How well story tracking recovers a dataset's topics from one store of all of them, given no
// keyword: the article → story assignment against the topic labels (B-cubed precision, recall and
// F1, Bagga & Baldwin 1998, and normalised mutual information), and for each topic the story that
// matches it best, whose timeline the story protocol then scores.

export interface LabelledAssignment {
  /** The topic an article came from (the dataset's label). */
  topic: string;
  /** The story the tracker put it in. */
  story: string;
}

export interface StoryScores {
  articles: number;
  stories: number;
  /** Stories of at least two articles. */
  storiesOfSeveral: number;
  bcubed: { precision: number; recall: number; f1: number };
  /** Mutual information over the geometric mean of the two entropies. */
  nmi: number;
  /** Per topic, the story sharing most of its articles (by Jaccard), and how much. */
  matches: TopicMatch[];
}

export interface TopicMatch {
  topic: string;
  story: string;
  /** |story ∩ topic| / |story ∪ topic|. */
  jaccard: number;
  /** Articles of the topic in the story, of the topic's in all. */
  shared: number;
  topicArticles: number;
  storyArticles: number;
}

export function scoreStories(assignments: readonly LabelledAssignment[]): StoryScores {
  const n = assignments.length;
  const topicSize = countBy(assignments, (a) => a.topic);
  const storySize = countBy(assignments, (a) => a.story);
  const joint = countBy(assignments, (a) => `${a.topic}\u0000${a.story}`);
  let precision = 0;
  let recall = 0;
  for (const { topic, story } of assignments) {
    const both = joint.get(`${topic}\u0000${story}`)!;
    precision += both / storySize.get(story)!;
    recall += both / topicSize.get(topic)!;
  }
  precision /= n || 1;
  recall /= n || 1;
  let mutual = 0;
  for (const [key, both] of joint) {
    const [topic, story] = key.split('\u0000') as [string, string];
    mutual += (both / n) * Math.log((both * n) / (topicSize.get(topic)! * storySize.get(story)!));
  }
  const entropy = (sizes: Map<string, number>) =>
    [...sizes.values()].reduce((sum, size) => sum - (size / n) * Math.log(size / n), 0);
  const spread = Math.sqrt(entropy(topicSize) * entropy(storySize));
  return {
    articles: n,
    stories: storySize.size,
    storiesOfSeveral: [...storySize.values()].filter((size) => size >= 2).length,
    bcubed: { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 },
    nmi: spread > 0 ? mutual / spread : 1,
    matches: [...topicSize.keys()].sort().map((topic) => bestStory(topic, joint, topicSize, storySize)),
  };
}

function bestStory(
  topic: string,
  joint: ReadonlyMap<string, number>,
  topicSize: ReadonlyMap<string, number>,
  storySize: ReadonlyMap<string, number>,
): TopicMatch {
  let best: TopicMatch | undefined;
  for (const [story, size] of [...storySize].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const shared = joint.get(`${topic}\u0000${story}`) ?? 0;
    if (shared === 0) continue;
    const jaccard = shared / (topicSize.get(topic)! + size - shared);
    if (!best || jaccard > best.jaccard)
      best = { topic, story, jaccard, shared, topicArticles: topicSize.get(topic)!, storyArticles: size };
  }
  return best!;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
