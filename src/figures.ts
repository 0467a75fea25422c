// Which of a timeline entry's figures a reader should compare. Every figure of one entry is about
// the entry's day, so within an entry a figure's *measure* is its unit plus the words that say what
// is counted (its qualifiers, see timeline/figure-context.ts): "2,610 members who voted" and "the
// 2,640 dockworkers who voted" measure one thing; a union's "demand of 8 percent" and an "offer of
// 5 percent" measure two. On one measure:
// - a **conflict** is different outlets giving values that cannot both be true ("about 340" and
//   "312"); an approximate figure is no contradiction of an exact one inside its range ("hundreds"
//   and "500", "some 500" and "512");
// - an **update** is one outlet changing its own figure from one publication day to a later one
//   ("12 ships", then "15 ships"), shown as such and not as a conflict;
// - the same outlet giving two values on one day most likely measures two things the words did
//   not tell apart, so they are listed and not flagged.
import type { IsoDay, QuantityReport } from './model.js';
import { rougePorterStem } from './porter.js';

/** The values a figure allows: exact figures allow one, "about 500" a few, "more than 20" many. */
export interface Allowed {
  low: number;
  high: number;
  lowIncluded: boolean;
  highIncluded: boolean;
  /** A point estimate ("about 3,000"): two outlets' estimates agree only when they name one number. */
  estimate: boolean;
}

/** How far a point estimate ("about N", "some N") reaches either side of N: a reporter's rounding. */
export const ESTIMATE_TOLERANCE = 0.05;
/** How far below N "nearly N" reaches. */
const NEARLY_TOLERANCE = 0.1;

type Reading = (n: number) => Omit<Allowed, 'estimate'> & { estimate?: boolean };
const between = (low: number, high: number, lowIncluded = true, highIncluded = true) => ({
  low,
  high,
  lowIncluded,
  highIncluded,
});

/** What the words before the number do to it, longest wording first. */
const APPROXIMATORS: ReadonlyArray<[string, Reading]> = [
  ['as many as', (n) => between(0, n)],
  ['an estimated', (n) => ({ ...around(n), estimate: true })],
  ['more than', (n) => between(n, Infinity, false)],
  ['less than', (n) => between(0, n, true, false)],
  ['fewer than', (n) => between(0, n, true, false)],
  ['at least', (n) => between(n, Infinity)],
  ['up to', (n) => between(0, n)],
  ['close to', (n) => between(n * (1 - NEARLY_TOLERANCE), n)],
  ['approximately', (n) => ({ ...around(n), estimate: true })],
  ['estimated', (n) => ({ ...around(n), estimate: true })],
  ['roughly', (n) => ({ ...around(n), estimate: true })],
  ['approx.', (n) => ({ ...around(n), estimate: true })],
  ['nearly', (n) => between(n * (1 - NEARLY_TOLERANCE), n)],
  ['almost', (n) => between(n * (1 - NEARLY_TOLERANCE), n)],
  ['around', (n) => ({ ...around(n), estimate: true })],
  ['about', (n) => ({ ...around(n), estimate: true })],
  ['under', (n) => between(0, n, true, false)],
  ['some', (n) => ({ ...around(n), estimate: true })],
  ['over', (n) => between(n, Infinity, false)],
];

function around(n: number) {
  return between(n * (1 - ESTIMATE_TOLERANCE), n * (1 + ESTIMATE_TOLERANCE));
}

/**
 * Vague plurals ("hundreds of", "tens of thousands of") are valued at their unit (100, 10,000):
 * "hundreds" means at least two hundred and fewer than a thousand, so from twice to ten times it.
 */
const VAGUE_PLURAL = /^(?:tens|dozens|scores|hundreds|thousands|millions|billions)\b/;

export function allowedValues(report: Pick<QuantityReport, 'text' | 'value' | 'approximate'>): Allowed {
  const exact = { ...between(report.value, report.value), estimate: false };
  if (!report.approximate) return exact;
  const words = report.text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (VAGUE_PLURAL.test(words))
    return { ...between(2 * report.value, 10 * report.value, true, false), estimate: false };
  if (words.startsWith('a dozen')) return { ...around(report.value), estimate: true };
  const approximator = APPROXIMATORS.find(([wording]) => words.startsWith(`${wording} `));
  if (approximator === undefined) return { ...around(report.value), estimate: true };
  return { estimate: false, ...approximator[1](report.value) };
}

/** Whether two figures of one measure can both be true. */
export function compatible(a: QuantityReport, b: QuantityReport): boolean {
  const x = allowedValues(a);
  const y = allowedValues(b);
  if (x.estimate && y.estimate) return a.value === b.value;
  return overlaps(x, y);
}

function overlaps(x: Allowed, y: Allowed): boolean {
  const lowEnd = x.high < y.low || (x.high === y.low && !(x.highIncluded && y.lowIncluded));
  const highEnd = y.high < x.low || (y.high === x.low && !(y.highIncluded && x.lowIncluded));
  return !lowEnd && !highEnd;
}

/**
 * Units that do not say what is measured: "8 percent" of what, "120 million crowns" for what.
 * Their figures are one measure only when their clauses share a word that says it.
 */
const AMOUNT_UNITS: ReadonlySet<string> = new Set(
  [
    'percent',
    'points',
    'crowns',
    'dollars',
    'euros',
    'pounds',
    'francs',
    'yen',
    'yuan',
    'rupees',
    'roubles',
    'rubles',
    'litres',
    'liters',
    'gallons',
    'barrels',
    'tonnes',
    'tons',
    'kilometres',
    'kilometers',
    'km',
    'miles',
    'metres',
    'meters',
    'kg',
    'kilograms',
    'hectares',
    'acres',
    'mw',
    'gw',
  ].map(stem),
);

/**
 * Nouns for groups of people. Two of them count one thing when the same clause narrows both:
 * "2,610 members who voted" and "2,640 dockworkers who voted" are both the ballot's voters.
 */
const PEOPLE_NOUNS: ReadonlySet<string> = new Set(
  [
    'people',
    'persons',
    'individuals',
    'members',
    'workers',
    'dockworkers',
    'dockers',
    'employees',
    'staff',
    'voters',
    'residents',
    'civilians',
    'passengers',
    'migrants',
    'refugees',
    'protesters',
    'demonstrators',
    'strikers',
    'fighters',
    'soldiers',
    'students',
    'men',
    'women',
    'children',
  ].map(stem),
);

function stem(word: string): string {
  return rougePorterStem(word.toLowerCase());
}

/** Units' keys worked out so far: a timeline compares each unit with many others. Bounded, as units are many. */
const unitKeys = new Map<string, string>();
const REMEMBERED_UNIT_KEYS = 10_000;

/** "dock workers", "dock-workers" and "Dockworkers" count the same thing. */
export function unitKey(unit: string): string {
  let key = unitKeys.get(unit);
  if (key === undefined) {
    key = stem(unit.replace(/[^\p{L}\p{N}]+/gu, ''));
    if (unitKeys.size >= REMEMBERED_UNIT_KEYS) unitKeys.clear();
    unitKeys.set(unit, key);
  }
  return key;
}

/** The noun that names what is counted: the last word of the unit ("workers" of "dock workers"). */
function headNoun(unit: string): string {
  return stem(
    unit
      .trim()
      .split(/[\s-]+/)
      .at(-1) ?? '',
  );
}

export function isAmountUnit(unit: string): boolean {
  return AMOUNT_UNITS.has(unitKey(unit));
}

/** Whether two figures measure the same thing (both are about the entry's day). */
export function sameMeasure(a: QuantityReport, b: QuantityReport): boolean {
  const shared = a.qualifiers.some((word) => b.qualifiers.includes(word));
  if (unitKey(a.unit) === unitKey(b.unit)) {
    // A count noun says what is counted; its qualifiers only narrow it ("members who voted").
    if (isAmountUnit(a.unit)) return shared;
    return shared || (a.qualifiers.length === 0 && b.qualifiers.length === 0);
  }
  return shared && PEOPLE_NOUNS.has(headNoun(a.unit)) && PEOPLE_NOUNS.has(headNoun(b.unit));
}

export interface FigureGroup {
  /** What is measured, as the first figure wrote its unit. */
  unit: string;
  /** Every figure of the measure, in the order given. */
  figures: QuantityReport[];
  /** The outlets' current figures when they contradict each other (one per outlet and value); empty otherwise. */
  conflict: QuantityReport[];
  /** Each outlet that changed its own figure: its figures, earliest first. */
  updates: QuantityReport[][];
}

/** The figures of one entry grouped by measure, with their conflicts and updates. Figures without a unit are left out. */
export function figureGroups(reports: readonly QuantityReport[]): FigureGroup[] {
  return measures(reports.filter((r) => r.unit.trim() !== '')).map((figures) => {
    const current = figures.filter((figure) => !isSuperseded(figure, figures));
    return {
      unit: figures[0]!.unit,
      figures,
      conflict: current.some((figure) => isContradicted(figure, current)) ? distinctByOutletAndValue(current) : [],
      updates: outletsOf(figures).flatMap((source) => {
        const own = figures.filter((f) => f.source === source);
        return own.some((figure) => isSuperseded(figure, own)) ? [chronologicalValues(own)] : [];
      }),
    };
  });
}

/** Connected groups of figures under `sameMeasure`, each in the order given. */
function measures(reports: readonly QuantityReport[]): QuantityReport[][] {
  const groupOf = reports.map((_, i) => i);
  const root = (i: number): number => (groupOf[i] === i ? i : (groupOf[i] = root(groupOf[i]!)));
  reports.forEach((a, i) => {
    for (let j = 0; j < i; j++) if (sameMeasure(a, reports[j]!)) groupOf[root(i)] = root(j);
  });
  const groups = new Map<number, QuantityReport[]>();
  reports.forEach((report, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), report]));
  return [...groups.values()];
}

/**
 * An outlet's figure that its own later reports on the same measure no longer give: it said 12
 * ships, then 15; it said "at least 20 dead", then 35. Repeating the figure later keeps it current.
 */
function isSuperseded(figure: QuantityReport, group: readonly QuantityReport[]): boolean {
  const later = group.filter(
    (other) => other.source === figure.source && other.publishedOn > figure.publishedOn && sameMeasure(figure, other),
  );
  return later.length > 0 && !later.some((other) => sameFigure(other, figure));
}

function sameFigure(a: QuantityReport, b: QuantityReport): boolean {
  return a.value === b.value && a.approximate === b.approximate;
}

/** Another outlet measures the same thing and none of its figures allows this one. */
function isContradicted(figure: QuantityReport, current: readonly QuantityReport[]): boolean {
  return outletsOf(current)
    .filter((source) => source !== figure.source)
    .some((source) => {
      const theirs = current.filter((other) => other.source === source && sameMeasure(figure, other));
      return theirs.length > 0 && !theirs.some((other) => compatible(figure, other));
    });
}

function outletsOf(reports: readonly QuantityReport[]): string[] {
  return [...new Set(reports.map((r) => r.source))];
}

function distinctByOutletAndValue(reports: readonly QuantityReport[]): QuantityReport[] {
  return reports.filter((r, i) => reports.findIndex((o) => o.source === r.source && sameFigure(o, r)) === i);
}

/** One outlet's figures by publication day, a figure repeated on a later day shown once. */
function chronologicalValues(own: readonly QuantityReport[]): QuantityReport[] {
  const byDay = [...own].sort((a, b) => compareDays(a.publishedOn, b.publishedOn));
  return byDay.filter((figure, i) => !byDay.slice(0, i).some((earlier) => sameFigure(earlier, figure)));
}

function compareDays(a: IsoDay, b: IsoDay): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Drops, for each outlet and day, a figure that a more precise figure of its own on the same
 * measure falls inside: one article's "hundreds of people" and "some 500 people" are one figure,
 * 500. Figures are otherwise kept in the order given.
 */
export function withoutVaguerRepeats(reports: readonly QuantityReport[]): QuantityReport[] {
  // Each figure's values once, not once per pair; the cheap tests go before `sameMeasure`.
  const allowed = reports.map((report) => allowedValues(report));
  return reports.filter(
    (figure, i) =>
      !reports.some(
        (other, j) =>
          other !== figure &&
          other.source === figure.source &&
          other.publishedOn === figure.publishedOn &&
          contains(allowed[i]!, allowed[j]!) &&
          width(allowed[j]!) < width(allowed[i]!) &&
          sameMeasure(figure, other),
      ),
  );
}

function contains(outer: Allowed, inner: Allowed): boolean {
  return outer.low <= inner.low && inner.high <= outer.high;
}

function width(allowed: Allowed): number {
  return allowed.high - allowed.low;
}
