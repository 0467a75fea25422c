// Which stories an archive holds, found as the articles arrive: topic detection and tracking
// (Allan et al., 1998) with a single pass. An article becomes a tf-idf vector of its names and
// content words; it joins the story whose centroid it is most like (cosine, discounted by the days
// between them) among those sharing its names, or opens a story of its own; a story whose names
// have grown like another's merges with it, as the sub-stories of one topic ("the cap", "the
// moratorium", "the claims fund" of an oil spill) meet in the people and places they share.
// Copies of an article (duplicate groups) join their original's story without weighing on it.
// Everything here is pure: the stores keep the stories and hand the tracker those near each page
// of arrivals (see StoryTracker in model.ts).
import { createHash } from 'node:crypto';
import { preferredNameForm } from '../annotate/name-form.js';
import { contentTerms } from '../annotate/terms.js';
import type {
  AnnotatedArticle,
  EntityCount,
  IsoDay,
  MentionKind,
  Story,
  StoredStory,
  StoryArrival,
  StoryName,
  StoryNeighbourhood,
  StoryProfile,
  StoryTracker,
  StoryUpdate,
} from '../model.js';
import { daysBetween } from '../calendar.js';

/** A named mention weighs this many content words: names tell stories apart better than words. */
const NAME_WEIGHT = 2;
/**
 * Terms an article's profile keeps (by weight), all of them compared with stories: the words a
 * topic's articles all use ("oil", "spill") are weighty in each but common in the archive, so a cut
 * by tf-idf would drop exactly what holds a topic together.
 */
const PROFILE_TERMS = 100;
/** Terms a story's centroid keeps: those its members share most. */
const CENTROID_TERMS = 200;
/** A story's heaviest terms, under which it is indexed and found by newcomers. */
const KEY_TERMS = 30;
/** Cosine at which an article joins a story rather than opening one. */
const JOIN_SIMILARITY = 0.08;
/** Of an article with names, the cosine of its names with a story's below which it cannot join it. */
const NAME_GATE = 0.05;
/**
 * Cosine between the names of two stories' centroids at which they are one story. Names, not
 * words: two stories of one season share its vocabulary ("protesters", "regime") but not its
 * people and places.
 */
const MERGE_SIMILARITY = 0.15;
/** A story more than this many days from an article (either side) is not a candidate. */
const WINDOW_DAYS = 60;
/** Days over which a story's pull on a newcomer falls by e: news moves on, slowly. */
const DECAY_DAYS = 365;
/** Names and outlets a story remembers (the most frequent). */
const NAMES_KEPT = 40;
const OUTLETS_KEPT = 50;
/** What a story list shows of each. */
const NAMES_SHOWN = 5;
const LABEL_PARTS = 3;
/** A content word worth a story's attention: three letters or more ("'s", "mr" and "pm" are not). */
const WORD_TERM = /^\p{L}[\p{L}\p{N}'-]{2,}$/u;
/** Prefix of a name term, so that the name "Assad" and the word "assad" stay two terms. */
const NAME_PREFIX = 'n:';

/** A story while the tracker works on it. */
interface LiveStory {
  id: string;
  firstDay: IsoDay;
  lastDay: IsoDay;
  articles: number;
  independent: number;
  centroid: Map<string, number>;
  norm: number;
  /** The name terms of the centroid, which merging compares. */
  nameCentroid: Map<string, number>;
  nameNorm: number;
  names: Map<string, StoryName>;
  /** How its key words are written, where that is not the term ("virus" for "viru"). */
  surfaces: Map<string, string>;
  outlets: Map<string, number>;
  /** The outlets seen beyond those remembered, so the count stays right when the map is cut. */
  outletCount: number;
  keys: string[];
}

/** How a story's state is written between updates (StoredStory.state). */
interface EncodedState {
  centroid: [string, number][];
  names: [string, string, MentionKind, number][];
  surfaces: [string, string][];
  outlets: [string, number][];
  outletCount: number;
}

export function storyProfile(annotated: AnnotatedArticle): StoryProfile {
  const weights = new Map<string, number>();
  const names = new Map<string, StoryName>();
  const surfaces = new Map<string, string>();
  const plain = new Set<string>();
  for (const sentence of annotated.sentences) {
    for (const mention of sentence.mentions) {
      const key = mention.text.toLocaleLowerCase();
      const term = NAME_PREFIX + key;
      weights.set(term, (weights.get(term) ?? 0) + NAME_WEIGHT);
      const name = names.get(key) ?? { key, text: mention.text, kind: mention.kind, count: 0 };
      name.text = preferredNameForm(name.text, mention.text);
      name.count++;
      names.set(key, name);
    }
    for (const token of sentence.tokens) {
      const [term] = contentTerms([token]);
      if (term === undefined || !WORD_TERM.test(term)) continue;
      weights.set(term, (weights.get(term) ?? 0) + 1);
      // A term written as itself somewhere ("libyan") is shown so, not in another form ("libyans").
      const surface = token.toLocaleLowerCase();
      if (surface === term) plain.add(term);
      else if (!plain.has(term)) surfaces.set(term, surface);
    }
  }
  const terms = heaviest(weights, PROFILE_TERMS);
  return {
    articleId: annotated.article.id,
    publishedOn: annotated.article.publishedOn,
    source: annotated.article.source,
    terms,
    names: [...names.values()].sort(byCountThenText),
    surfaces: terms.flatMap(([term]) => {
      const surface = surfaces.get(term);
      return surface === undefined || plain.has(term) ? [] : [[term, surface] as const];
    }),
  };
}

export const storyTracker: StoryTracker = {
  windowDays: WINDOW_DAYS,
  profile: storyProfile,
  track,
};

function track(neighbourhood: StoryNeighbourhood, arrivals: readonly StoryArrival[]): StoryUpdate {
  const stories = new Map<string, LiveStory>();
  const byKey = new Map<string, Set<string>>();
  const index = (story: LiveStory, keys: readonly string[]) => {
    for (const key of keys) byKey.get(key)?.delete(story.id);
    story.keys = keysOf(story.centroid);
    for (const key of story.keys) {
      const ids = byKey.get(key) ?? new Set<string>();
      ids.add(story.id);
      byKey.set(key, ids);
    }
  };
  for (const stored of neighbourhood.stories) {
    const story = decoded(stored);
    stories.set(story.id, story);
    index(story, []);
  }
  const documentFrequency = new Map<string, number>();
  const frequency = (term: string) =>
    (neighbourhood.documentFrequency.get(term) ?? 0) + (documentFrequency.get(term) ?? 0);
  let documents = 0;
  const assigned = new Map<string, string>();
  const changed = new Set<string>();
  const merged: { id: string; into: string }[] = [];
  const survivorOf = (id: string): string => {
    let current = id;
    for (let step = merged.findLast((m) => m.id === current); step; step = merged.findLast((m) => m.id === current))
      current = step.into;
    return current;
  };

  for (const { profile, copyOf } of arrivals) {
    const originalStory = copyOf && (copyOf.storyId ?? assigned.get(copyOf.articleId));
    if (originalStory !== undefined && stories.has(survivorOf(originalStory))) {
      const story = stories.get(survivorOf(originalStory))!;
      joinAsCopy(story, profile);
      assigned.set(profile.articleId, story.id);
      changed.add(story.id);
      continue;
    }
    documents++;
    for (const [term] of profile.terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    const vector = articleVector(profile, frequency, neighbourhood.documents + documents);
    const names = new Map([...vector].filter(([term]) => term.startsWith(NAME_PREFIX)));
    const namesNorm = norm(names);
    const candidates = new Set<string>();
    for (const term of vector.keys()) for (const id of byKey.get(term) ?? []) candidates.add(id);
    let best: LiveStory | undefined;
    let bestScore = 0;
    for (const id of [...candidates].sort()) {
      const story = stories.get(id)!;
      const gap = dayGap(profile.publishedOn, story);
      if (gap > WINDOW_DAYS) continue;
      // Words alone do not make one story: a season's vocabulary ("talks", "percent") is everyone's.
      if (names.size > 0 && dot(names, story.nameCentroid) / (namesNorm * story.nameNorm) < NAME_GATE) continue;
      const score = (dot(vector, story.centroid) / story.norm) * Math.exp(-gap / DECAY_DAYS);
      if (score > bestScore) {
        best = story;
        bestScore = score;
      }
    }
    let story = best && bestScore >= JOIN_SIMILARITY ? best : undefined;
    if (!story) {
      story = openStory(profile);
      stories.set(story.id, story);
    }
    const keysBefore = story.keys;
    join(story, profile, vector);
    index(story, keysBefore);
    assigned.set(profile.articleId, story.id);
    changed.add(story.id);
    // The story has moved: it may now be one with a neighbour.
    for (let partner = mergePartner(story, stories, byKey); partner; partner = mergePartner(story, stories, byKey)) {
      const [survivor, absorbed] = survivorFirst(story, partner);
      const survivorKeys = survivor.keys;
      absorb(survivor, absorbed);
      for (const key of absorbed.keys) byKey.get(key)?.delete(absorbed.id);
      stories.delete(absorbed.id);
      index(survivor, survivorKeys);
      merged.push({ id: absorbed.id, into: survivor.id });
      changed.delete(absorbed.id);
      changed.add(survivor.id);
      story = survivor;
    }
  }
  for (const [articleId, storyId] of assigned) assigned.set(articleId, survivorOf(storyId));
  return {
    assigned,
    changed: [...changed].sort().map((id) => encoded(stories.get(id)!)),
    merged: merged.map(({ id }) => ({ id, into: survivorOf(id) })),
    documentFrequency,
    documents,
  };
}

/** The profile's terms weighted by tf-idf (sublinear tf, smoothed idf), at unit length. */
function articleVector(profile: StoryProfile, frequency: (term: string) => number, documents: number) {
  const weights = new Map<string, number>();
  for (const [term, weight] of profile.terms)
    weights.set(term, (1 + Math.log(weight)) * (Math.log((documents + 1) / (frequency(term) + 1)) + 1));
  const vector = new Map(weights);
  const norm = Math.sqrt([...vector.values()].reduce((sum, w) => sum + w * w, 0)) || 1;
  for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

function openStory(profile: StoryProfile): LiveStory {
  return {
    id: storyId(profile.articleId),
    firstDay: profile.publishedOn,
    lastDay: profile.publishedOn,
    articles: 0,
    independent: 0,
    centroid: new Map(),
    norm: 1,
    nameCentroid: new Map(),
    nameNorm: 1,
    names: new Map(),
    surfaces: new Map(),
    outlets: new Map(),
    outletCount: 0,
    keys: [],
  };
}

/** A story's id: a hash of its first article's stored id, so the same archive gives the same ids. */
export function storyId(firstArticleId: string): string {
  return createHash('sha256').update(firstArticleId).digest('hex').slice(0, 12);
}

function joinAsCopy(story: LiveStory, profile: StoryProfile): void {
  story.articles++;
  stretch(story, profile.publishedOn);
  countOutlet(story, profile.source, 1);
}

function join(story: LiveStory, profile: StoryProfile, vector: Map<string, number>): void {
  story.articles++;
  story.independent++;
  stretch(story, profile.publishedOn);
  countOutlet(story, profile.source, 1);
  addTerms(story, vector);
  for (const name of profile.names) countName(story, name);
  trimNames(story);
  for (const [term, surface] of profile.surfaces) story.surfaces.set(term, surface);
  trimSurfaces(story);
}

function absorb(survivor: LiveStory, absorbed: LiveStory): void {
  survivor.articles += absorbed.articles;
  survivor.independent += absorbed.independent;
  stretch(survivor, absorbed.firstDay);
  stretch(survivor, absorbed.lastDay);
  for (const [outlet, count] of absorbed.outlets) countOutlet(survivor, outlet, count);
  addTerms(survivor, absorbed.centroid);
  for (const name of absorbed.names.values()) countName(survivor, name);
  trimNames(survivor);
  for (const [term, surface] of absorbed.surfaces)
    if (!survivor.surfaces.has(term)) survivor.surfaces.set(term, surface);
  trimSurfaces(survivor);
}

function stretch(story: LiveStory, day: IsoDay): void {
  if (day < story.firstDay) story.firstDay = day;
  if (day > story.lastDay) story.lastDay = day;
}

function countOutlet(story: LiveStory, outlet: string, count: number): void {
  if (!story.outlets.has(outlet)) story.outletCount++;
  story.outlets.set(outlet, (story.outlets.get(outlet) ?? 0) + count);
  if (story.outlets.size > OUTLETS_KEPT) story.outlets = new Map(heaviest(story.outlets, OUTLETS_KEPT));
}

function countName(story: LiveStory, name: StoryName): void {
  const known = story.names.get(name.key);
  if (!known) story.names.set(name.key, { ...name });
  else {
    known.count += name.count;
    known.text = preferredNameForm(known.text, name.text);
  }
}

/** Only the surfaces of the story's own weighty words are worth keeping. */
function trimSurfaces(story: LiveStory): void {
  for (const term of story.surfaces.keys()) if (!story.centroid.has(term)) story.surfaces.delete(term);
}

function trimNames(story: LiveStory): void {
  if (story.names.size > NAMES_KEPT)
    story.names = new Map(
      [...story.names.values()]
        .sort(byCountThenText)
        .slice(0, NAMES_KEPT)
        .map((n) => [n.key, n]),
    );
}

function addTerms(story: LiveStory, vector: ReadonlyMap<string, number>): void {
  for (const [term, weight] of vector) story.centroid.set(term, (story.centroid.get(term) ?? 0) + weight);
  if (story.centroid.size > CENTROID_TERMS) story.centroid = new Map(heaviest(story.centroid, CENTROID_TERMS));
  measure(story);
}

/** The centroid's norms and name part, after it changed. */
function measure(story: LiveStory): void {
  story.norm = norm(story.centroid);
  story.nameCentroid = new Map([...story.centroid].filter(([term]) => term.startsWith(NAME_PREFIX)));
  story.nameNorm = norm(story.nameCentroid);
}

function norm(vector: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum) || 1;
}

/** The neighbour most like the story, if like enough to be one story with it. */
function mergePartner(
  story: LiveStory,
  stories: ReadonlyMap<string, LiveStory>,
  byKey: ReadonlyMap<string, ReadonlySet<string>>,
): LiveStory | undefined {
  const neighbours = new Set<string>();
  for (const key of story.keys) for (const id of byKey.get(key) ?? []) if (id !== story.id) neighbours.add(id);
  let best: LiveStory | undefined;
  let bestSimilarity = MERGE_SIMILARITY;
  for (const id of [...neighbours].sort()) {
    const other = stories.get(id)!;
    if (spanGap(story, other) > WINDOW_DAYS) continue;
    const similarity = dot(story.nameCentroid, other.nameCentroid) / (story.nameNorm * other.nameNorm);
    if (similarity >= bestSimilarity) {
      best = other;
      bestSimilarity = similarity;
    }
  }
  return best;
}

/** The bigger story lives on (its id stays); on a tie the older, then the smaller id. */
function survivorFirst(a: LiveStory, b: LiveStory): [LiveStory, LiveStory] {
  const aFirst =
    a.independent !== b.independent
      ? a.independent > b.independent
      : a.firstDay !== b.firstDay
        ? a.firstDay < b.firstDay
        : a.id < b.id;
  return aFirst ? [a, b] : [b, a];
}

/** Days from the article to the nearest day of the story (0 within it). */
function dayGap(day: IsoDay, story: LiveStory): number {
  if (day < story.firstDay) return daysBetween(day, story.firstDay);
  if (day > story.lastDay) return daysBetween(story.lastDay, day);
  return 0;
}

/** Days between two stories' spans (0 when they overlap). */
function spanGap(a: LiveStory, b: LiveStory): number {
  if (a.lastDay < b.firstDay) return daysBetween(a.lastDay, b.firstDay);
  if (b.lastDay < a.firstDay) return daysBetween(b.lastDay, a.firstDay);
  return 0;
}

function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) {
    const other = large.get(term);
    if (other !== undefined) sum += weight * other;
  }
  return sum;
}

function keysOf(centroid: ReadonlyMap<string, number>): string[] {
  return heaviest(centroid, KEY_TERMS).map(([term]) => term);
}

/** Heavier first, ties by term: a total order on distinct terms, so every ranking is deterministic. */
function heavierFirst(a: readonly [string, number], b: readonly [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/**
 * The `count` heaviest entries, heaviest first. A story's keys are its 30 heaviest of 200 terms,
 * found again whenever it takes an article: kept in a short sorted list rather than by sorting all
 * 200, which was a sixth of a rebuild. The order is total, so the result is the sort's.
 */
function heaviest(weights: ReadonlyMap<string, number>, count: number): [string, number][] {
  if (weights.size <= count) return [...weights].sort(heavierFirst);
  const top: [string, number][] = [];
  for (const entry of weights) {
    if (top.length === count && heavierFirst(entry, top[count - 1]!) >= 0) continue;
    let low = 0;
    let high = top.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (heavierFirst(top[middle]!, entry) < 0) low = middle + 1;
      else high = middle;
    }
    top.splice(low, 0, entry);
    if (top.length > count) top.pop();
  }
  return top;
}

function byCountThenText(a: EntityCount, b: EntityCount): number {
  return b.count - a.count || a.text.localeCompare(b.text);
}

function decoded({ story, state, keys }: StoredStory): LiveStory {
  const parsed = JSON.parse(state) as EncodedState;
  const live: LiveStory = {
    id: story.id,
    firstDay: story.firstDay,
    lastDay: story.lastDay,
    articles: story.articles,
    independent: story.independent,
    centroid: new Map(parsed.centroid),
    norm: 1,
    nameCentroid: new Map(),
    nameNorm: 1,
    names: new Map(parsed.names.map(([key, text, kind, count]) => [key, { key, text, kind, count }])),
    surfaces: new Map(parsed.surfaces),
    outlets: new Map(parsed.outlets),
    outletCount: parsed.outletCount,
    keys: [...keys],
  };
  measure(live);
  return live;
}

function encoded(story: LiveStory): StoredStory {
  const state: EncodedState = {
    centroid: [...story.centroid].map(([term, weight]) => [term, Math.round(weight * 1e6) / 1e6]),
    names: [...story.names.values()].map((n) => [n.key, n.text, n.kind, n.count]),
    surfaces: [...story.surfaces],
    outlets: [...story.outlets],
    outletCount: story.outletCount,
  };
  return { story: described(story), state: JSON.stringify(state), keys: story.keys };
}

function described(story: LiveStory): Story {
  const names = [...story.names.values()].sort(byCountThenText);
  const shown = (kinds: MentionKind[]) =>
    names
      .filter((n) => kinds.includes(n.kind))
      .slice(0, NAMES_SHOWN)
      .map(({ text, kind, count }) => ({ text, kind, count }));
  return {
    id: story.id,
    label: labelOf(story),
    firstDay: story.firstDay,
    lastDay: story.lastDay,
    articles: story.articles,
    independent: story.independent,
    outlets: story.outletCount,
    names: shown(['person', 'organization']),
    places: shown(['place']),
  };
}

/**
 * The story's heaviest terms a person can read: a name in the form the articles write it, a word
 * as it is; a word already said by a chosen name ("syria" after "Syria") is skipped.
 */
function labelOf(story: LiveStory): string {
  const parts: string[] = [];
  const said = new Set<string>();
  const ranked = heaviest(story.centroid, story.centroid.size).map(([term]) => term);
  // Names the story remembers, in the form its articles write them.
  const names = ranked
    .filter((term) => term.startsWith(NAME_PREFIX) && story.names.has(term.slice(NAME_PREFIX.length)))
    .map((term) => term.slice(NAME_PREFIX.length));
  const say = (key: string, shown: string) => {
    parts.push(shown);
    for (const word of key.split(/\s+/)) said.add(word);
  };
  for (const term of ranked) {
    if (parts.length === LABEL_PARTS) break;
    const isName = term.startsWith(NAME_PREFIX);
    const key = isName ? term.slice(NAME_PREFIX.length) : term;
    if (key.split(/\s+/).every((word) => said.has(word))) continue;
    // A word that is a chosen name's word less its plural "s" ("dockworker" of "Dockworkers") is said too.
    if (!isName && [...said].some((word) => word.startsWith(key))) continue;
    if (isName) {
      say(key, story.names.get(key)?.text ?? key);
      continue;
    }
    // A word that is part of one of the story's names ("port" of "Velmora Port Authority") is said by the name.
    const name = names.find((n) => n.split(/\s+/).some((word) => word.startsWith(key)));
    if (name !== undefined) say(name, story.names.get(name)?.text ?? name);
    else say(key, story.surfaces.get(key) ?? key);
  }
  return parts.join(' · ');
}
