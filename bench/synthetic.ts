// A deterministic, fictional news archive of any size for benchmarks. It holds many distinct stories
// (200 by default), each with its own invented places, people, organisations and topic word, running
// for a few weeks somewhere in 2022–2024 and covered by a handful of outlets in templated articles
// with relative dates ("on Monday", "later Tuesday"), figures and quotes, so that every annotator has
// real work and a topic query (`storyQuery`) picks out one story, as in a real archive. About 3% of
// the articles are wire copies of an earlier article of the same story (another outlet and headline,
// a wire byline, a paragraph cut), so duplicate detection has work too.
//
// Article n depends only on the seed and n: the same seed gives the same archive, and `first`
// continues an archive with fresh articles of the same stories.

import { DAY_MS, MONTH_NAMES, WEEKDAY_NAMES } from '../src/calendar.js';
import { seededUint32, seededUnit } from '../src/seeded-random.js';

export const DEFAULT_STORIES = 200;

export interface SyntheticOptions {
  seed?: number;
  stories?: number;
  /** Number of the first article: articles are numbered from here on (ids `syn-<n>`). */
  first?: number;
}

export interface SyntheticArticle {
  id: string;
  time: string;
  source: string;
  title: string;
  text: string;
  /** The story's index, for `storyQuery`. */
  story: number;
  /** The id of the article this one is a wire copy of. */
  copyOf?: string;
}

/** What each kind of story counts and does; every story gets its own names on top. */
interface Theme {
  /** The story is "the <topic word> <noun>": "the Korvath strike". */
  noun: string;
  /** People the figures count, and what they did. */
  actors: readonly string[];
  acts: readonly string[];
  /** Things the figures count. */
  things: readonly string[];
  /** What the organisations did. */
  moves: readonly string[];
  /** Kinds of organisation, each named with an invented word per story ("the Ulmstead Water Board"). */
  bodies: readonly string[];
}

const THEMES: readonly Theme[] = [
  {
    noun: 'strike',
    actors: ['workers', 'dockers', 'drivers'],
    acts: ['walked off the job', 'blocked the harbour entrance', 'marched to the town hall'],
    things: ['ships', 'containers', 'trucks'],
    moves: ['signed a draft agreement', 'met behind closed doors', 'rejected the latest offer'],
    bodies: ['Workers Union', 'Harbour Authority', 'Shipping Company'],
  },
  {
    noun: 'floods',
    actors: ['residents', 'families', 'volunteers'],
    acts: ['left their homes', 'filled sandbags along the river', 'gathered at the relief centre'],
    things: ['homes', 'roads', 'bridges'],
    moves: ['declared a state of emergency', 'opened the spillway gates', 'reopened the main bridge'],
    bodies: ['Water Board', 'Civil Protection Agency', 'Relief Fund'],
  },
  {
    noun: 'trial',
    actors: ['witnesses', 'protesters', 'lawyers'],
    acts: ['gathered outside the courthouse', 'gave evidence', 'walked out of the hearing'],
    things: ['documents', 'exhibits', 'pages of evidence'],
    moves: ['adjourned the hearing', 'rejected a motion to dismiss', 'delivered its verdict'],
    bodies: ['District Court', 'Bar Association', 'Prosecution Service'],
  },
  {
    noun: 'election',
    actors: ['voters', 'candidates', 'observers'],
    acts: ['queued at polling stations', 'rallied in the main square', 'signed a petition for a recount'],
    things: ['ballots', 'seats', 'districts'],
    moves: ['announced the first results', 'ordered a partial recount', 'certified the final count'],
    bodies: ['Electoral Commission', 'Liberal Party', 'Farmers League'],
  },
  {
    noun: 'spill',
    actors: ['fishermen', 'divers', 'cleaning crews'],
    acts: ['stayed in port', 'cleared the beaches', 'protested at the refinery gates'],
    things: ['barrels', 'tonnes of oil', 'kilometres of coastline'],
    moves: ['sealed the leaking pipeline', 'closed the fishing grounds', 'fined the operator'],
    bodies: ['Environment Agency', 'Petroleum Company', 'Fishermen Cooperative'],
  },
  {
    noun: 'outbreak',
    actors: ['patients', 'doctors', 'nurses'],
    acts: ['were taken to hospital', 'worked double shifts', 'queued for vaccination'],
    things: ['cases', 'hospital beds', 'test kits'],
    moves: ['closed the schools', 'opened a field hospital', 'lifted the restrictions'],
    bodies: ['Health Ministry', 'Medical Association', 'General Hospital'],
  },
];

/** The outlets cover every story; their reporters sign the bylines. */
const OUTLETS = [
  { id: 'coastal-wire', name: 'Coastal Wire', reporters: ['Ilse Varga', 'Tomas Brell'] },
  { id: 'northern-ledger', name: 'Northern Ledger', reporters: ['Mara Quillon', 'Anton Feske'] },
  { id: 'bay-courier', name: 'Bay Courier', reporters: ['Rhea Solberg', 'Piet Danvers'] },
  { id: 'daily-meridian', name: 'Daily Meridian', reporters: ['Nadia Okafor', 'Jonas Albrecht'] },
  { id: 'river-times', name: 'River Times', reporters: ['Clara Mendes', 'Viktor Hale'] },
] as const;

// Slots in braces are filled per sentence; see `articleSlots`.
const LEDE = '{PLACE} -- About {n} {actor} {act} in {place} {when}, {body} officials said.';
const BODY = [
  '"We will not give up," said {person}, who spoke to reporters {later} near the {body} offices.',
  'The {body} said {n} {thing} had been affected since {month} last year.',
  '{person} of the {body} will meet {person} {plan} to discuss the {n}-page proposal.',
  'Hundreds of {actor} waited outside {district} {when}, and dozens more arrived two days later.',
  'Officials in {district} said {pct} percent of the {actor} had returned by {month} {dom}.',
  'The {body} {move} {when}, according to a statement seen by reporters.',
  '"{quote}," {person} said {later}.',
  'It was the {ordinal} time since {since} that {actor} {act} in {place}.',
  'The {topic} {noun} began {start}, when {n} {actor} {act} near {district}.',
  'By {weekday} evening, {n} {thing} were still waiting, a spokesman for the {body} said.',
  '{person}, a spokeswoman for the {body}, said talks would resume {plan}.',
  'Police in {place} said {small} people were detained {when} and released {later}.',
  'The {body} put the cost of the {topic} {noun} at {n} million dollars.',
  'Asked about the {topic} {noun}, {person} said the {body} had "no comment at this stage".',
  'About {pct} percent of the {thing} in {district} were affected {when}, up from {pct} percent a week earlier.',
];
const HEADLINES = [
  '{place}: {actor} {act}',
  '{topic} {noun}: {body} {move}',
  '{actor} {act} in {place} as {topic} {noun} goes on',
  '{body} {move} in {topic} {noun}',
];
const QUOTES = [
  'This is only the beginning',
  'Nobody asked us what we wanted',
  'We need answers, not promises',
  'The numbers speak for themselves',
  'We have done everything we could',
];
const ORDINALS = ['second', 'third', 'fourth', 'fifth'];
// Sunday first, as getUTCDay counts: the archive's random picks depend on this order.
const WEEKDAYS = [WEEKDAY_NAMES[6]!, ...WEEKDAY_NAMES.slice(0, 6)];
const MONTHS = MONTH_NAMES;
/** How a day is referred to from the day it is written ("today", "Monday"), and around the references. */
const SAME_DAY = { on: 'today', since: 'this morning', later: 'later in the day' };
const NEXT_DAY = 'tomorrow';
const UNPLANNED = 'next week';
const NO_EARLIER = 'last year';
const LATER = 'later';
const ON = 'on';
const BY = 'By';

/** Words the templates write in every story: no invented word may be the start of one. */
const TEMPLATE_WORDS = new Set(
  [
    ...THEMES.flatMap((t) => [t.noun, ...t.actors, ...t.acts, ...t.things, ...t.moves, ...t.bodies]),
    ...OUTLETS.flatMap((o) => [o.name, ...o.reporters]),
    LEDE,
    ...BODY,
    ...HEADLINES,
    ...QUOTES,
    ...ORDINALS,
    ...WEEKDAYS,
    ...MONTHS,
    ...Object.values(SAME_DAY),
    NEXT_DAY,
    UNPLANNED,
    NO_EARLIER,
    LATER,
    ON,
    BY,
  ].flatMap((text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []),
);

const ONSETS = [
  'b',
  'br',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'h',
  'k',
  'kr',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  'sk',
  'st',
  't',
  'tr',
  'v',
  'w',
  'z',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ae', 'ei', 'ou', 'y'];
/** Inside a word only light codas, so names stay pronounceable ("Korvath", not "Korskvath"). */
const INNER_CODAS = ['', '', 'n', 'r', 'l'];
const FINAL_CODAS = ['', 'n', 'r', 'l', 's', 'th', 'v', 'k', 'm', 'nd', 'rn', 'sk'];
const PLACE_ENDINGS = ['stead', 'mouth', 'vik', 'holm', 'ford', 'ton', 'wick', 'dale', 'mere', 'gard'];
const FIRST_DAY = Date.UTC(2022, 0, 1) / DAY_MS;
/** Stories start anywhere in three years. */
const ARCHIVE_DAYS = 3 * 365;
/** Days from an event to a report of it: most the same or the next day. */
const REPORT_LAGS = [0, 0, 1, 1, 2, 3];
const WIRE_COPY_SHARE = 0.03;
/** A wire copy is of one of this many articles before it. */
const COPY_REACH = 50;

interface Story {
  /** The story's own place: its name is the story's query. */
  place: string;
  /** Other places of the story. */
  districts: string[];
  topic: string;
  people: string[];
  bodies: string[];
  theme: Theme;
  /** The days (days since 1970-01-01) something happened, in order: what the articles report. */
  events: number[];
}

interface Archive {
  stories: Story[];
  /** Running totals of the stories' weights, to pick an article's story. */
  cumulative: number[];
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Invents capitalised words from syllables, none of them the start of another nor of a template word:
 * queries match word prefixes, so a story's place name then matches that story only.
 */
function wordInventor(random: () => number): (endings?: readonly string[]) => string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const invented = new Set<string>();
  const prefixes = new Set<string>();
  const addPrefixes = (word: string) => {
    for (let end = 1; end <= word.length; end++) prefixes.add(word.slice(0, end));
  };
  for (const word of TEMPLATE_WORDS) addPrefixes(word);
  const isFree = (word: string) => {
    if (word.length < 5 || prefixes.has(word)) return false;
    for (let end = 1; end < word.length; end++) if (invented.has(word.slice(0, end))) return false;
    return true;
  };
  return (endings) => {
    for (;;) {
      // Places are a syllable or two and an ending ("Ulmstead"); other names two syllables ("Korvath").
      const syllables = endings ? 1 + Math.floor(random() * 2) : 2;
      let word = '';
      for (let s = 1; s <= syllables; s++)
        word += pick(ONSETS) + pick(VOWELS) + pick(s < syllables || endings ? INNER_CODAS : FINAL_CODAS);
      if (endings) word += pick(endings);
      if (!isFree(word)) continue;
      invented.add(word);
      addPrefixes(word);
      return capitalised(word);
    }
  };
}

function inventArchive(seed: number, count: number): Archive {
  const random = seededUnit(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const invent = wordInventor(random);
  const stories: Story[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const theme = pick(THEMES);
    const span = 14 + Math.floor(random() * 29);
    const start = FIRST_DAY + Math.floor(random() * (ARCHIVE_DAYS - span));
    const offsets = new Set([0]);
    const events = 4 + Math.floor(random() * 5);
    while (offsets.size < events) offsets.add(1 + Math.floor(random() * (span - 1)));
    stories.push({
      place: invent(PLACE_ENDINGS),
      districts: [invent(PLACE_ENDINGS), invent(PLACE_ENDINGS)],
      topic: invent(),
      people: Array.from({ length: 5 }, () => `${invent()} ${invent()}`),
      bodies: theme.bodies.map((kind) => `${invent()} ${kind}`),
      theme,
      events: [...offsets].sort((a, b) => a - b).map((offset) => start + offset),
    });
    // Some stories draw three times the coverage of others.
    total += 0.5 + random();
    cumulative.push(total);
  }
  return { stories, cumulative };
}

const archives = new Map<string, Archive>();

function archiveFor(seed: number, stories: number): Archive {
  const key = `${seed}/${stories}`;
  let archive = archives.get(key);
  if (!archive) {
    archive = inventArchive(seed, stories);
    archives.set(key, archive);
  }
  return archive;
}

/** A query that selects story `story` (its place name, which no other story uses). */
export function storyQuery(story: number, options: SyntheticOptions = {}): string {
  const found = archiveFor(options.seed ?? 1, options.stories ?? DEFAULT_STORIES).stories[story];
  if (!found) throw new RangeError(`no story ${story} in an archive of ${options.stories ?? DEFAULT_STORIES}`);
  return found.place;
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function weekday(day: number): string {
  return WEEKDAYS[new Date(day * DAY_MS).getUTCDay()]!;
}

function monthDay(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** How an article written on `written` names `day`, as reporters do: by weekday within a week, else by date. */
function dayReference(day: number, written: number, form: 'on' | 'since' | 'later'): string {
  const back = written - day;
  if (back === 0) return SAME_DAY[form];
  if (back === -1 && form === 'on') return NEXT_DAY;
  const name = Math.abs(back) < 7 ? weekday(day) : monthDay(day);
  if (form === 'since') return name;
  if (form === 'on') return `${ON} ${name}`;
  return Math.abs(back) < 7 ? `${LATER} ${name}` : `${LATER} ${ON} ${name}`;
}

function fill(template: string, slots: Record<string, () => string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const slot = slots[name];
    if (!slot) throw new Error(`template slot {${name}} has no filler`);
    return slot();
  });
}

/** The slots a headline may use: the story's names and what its people did. */
function headlineSlots(story: Story, pick: <T>(items: readonly T[]) => T): Record<string, () => string> {
  return {
    place: () => story.place,
    topic: () => story.topic,
    noun: () => story.theme.noun,
    body: () => pick(story.bodies),
    actor: () => pick(story.theme.actors),
    act: () => pick(story.theme.acts),
    move: () => pick(story.theme.moves),
  };
}

/** An article about event `event` of the story, written on day `written`. */
function articleSlots(
  story: Story,
  event: number,
  written: number,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): Record<string, () => string> {
  const happened = story.events[event]!;
  const before = story.events[event - 1];
  const next = story.events[event + 1];
  const between = (low: number, count: number) => (low + Math.floor(random() * count)).toLocaleString('en-US');
  return {
    ...headlineSlots(story, pick),
    PLACE: () => story.place.toUpperCase(),
    district: () => pick(story.districts),
    person: () => pick(story.people),
    thing: () => pick(story.theme.things),
    n: () => between(2, 4000),
    small: () => between(2, 60),
    pct: () => between(5, 90),
    dom: () => between(1, 28),
    month: () => pick(MONTHS),
    weekday: () => pick(WEEKDAYS),
    ordinal: () => pick(ORDINALS),
    quote: () => pick(QUOTES),
    when: () => dayReference(happened, written, 'on'),
    later: () => dayReference(happened, written, 'later'),
    start: () => dayReference(story.events[0]!, written, 'on'),
    since: () => (before === undefined ? NO_EARLIER : dayReference(before, written, 'since')),
    plan: () => (next !== undefined && next > written ? dayReference(next, written, 'on') : UNPLANNED),
  };
}

/** The random numbers of article n: a stream of its own, so any article can be made without the others. */
function articleRandom(seed: number, n: number): () => number {
  return seededUnit(seededUint32((seed ^ Math.imul(n + 1, 0x9e3779b9)) >>> 0)());
}

function article(n: number, seed: number, archive: Archive): SyntheticArticle {
  const random = articleRandom(seed, n);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  if (n > 0 && random() < WIRE_COPY_SHARE) {
    return wireCopy(
      article(n - 1 - Math.floor(random() * Math.min(n, COPY_REACH)), seed, archive),
      n,
      archive,
      random,
      pick,
    );
  }
  const weight = random() * archive.cumulative.at(-1)!;
  const index = Math.max(
    0,
    archive.cumulative.findIndex((total) => total > weight),
  );
  const story = archive.stories[index]!;
  const event = Math.floor(random() * story.events.length);
  const written = story.events[event]! + pick(REPORT_LAGS);
  const outlet = pick(OUTLETS);
  const slots = articleSlots(story, event, written, random, pick);
  const paragraphs = [`${BY} ${pick(outlet.reporters)}`, fill(LEDE, slots)];
  const sentences = 14 + Math.floor(random() * 16);
  for (let s = 1; s < sentences; s++) paragraphs.push(fill(pick(BODY), slots));
  return {
    id: `syn-${n}`,
    time: isoDay(written),
    source: outlet.id,
    title: capitalised(fill(pick(HEADLINES), slots)),
    text: paragraphs.join('\n\n'),
    story: index,
  };
}

/** The original as another outlet prints it: its own headline, the wire's name in the byline, a paragraph cut. */
function wireCopy(
  original: SyntheticArticle,
  n: number,
  archive: Archive,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): SyntheticArticle {
  const wire = OUTLETS.find((o) => o.id === original.source)!;
  const paragraphs = original.text.split('\n\n');
  paragraphs[0] = `${paragraphs[0]} (${wire.name})`;
  // The byline and the lede stay.
  paragraphs.splice(2 + Math.floor(random() * (paragraphs.length - 2)), 1);
  return {
    id: `syn-${n}`,
    time: isoDay(Date.parse(original.time) / DAY_MS + (random() < 0.5 ? 0 : 1)),
    source: pick(OUTLETS.filter((o) => o !== wire)).id,
    title: capitalised(fill(pick(HEADLINES), headlineSlots(archive.stories[original.story]!, pick))),
    text: paragraphs.join('\n\n'),
    story: original.story,
    copyOf: original.id,
  };
}

/** Articles `first` … `first + count - 1` of the archive. */
export function* syntheticArticles(count: number, options: SyntheticOptions = {}): Generator<SyntheticArticle> {
  const seed = options.seed ?? 1;
  const archive = archiveFor(seed, options.stories ?? DEFAULT_STORIES);
  const first = options.first ?? 0;
  for (let n = first; n < first + count; n++) yield article(n, seed, archive);
}
