// The tagger's entities and the rules' mentions, combined where each is better (chosen on the
// CoNLL-2003 development split and on the project's own hand-annotated paragraphs):
//   - the tagger decides where names are: its spans are much better than capitalised runs;
//   - where the rules' own words decide the kind of the very same span (a dateline, a known
//     organisation, an organisation head word, a title, a gazetteer place), the rules' kind wins;
//   - a name the rules are sure of and the tagger left out entirely is added;
//   - one article gives one name one kind, whatever its case ("VELMORA" and "Velmora").
import type { Mention, MentionKind } from '../../model.js';
import { isGenericOpener, type RuleMention } from '../mentions.js';
import type { TaggedEntity } from './tagger.js';
import type { EntityClass } from './tags.js';

const KIND_OF_CLASS: Record<EntityClass, MentionKind | undefined> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'place',
  MISC: undefined,
};

export interface CombineOptions {
  /**
   * When a rule mention on the same span overrides the tagger's kind: never; when the rules' own
   * words decided it ('name'); or only when, besides, the tagger knows none of the entity's words
   * ('unknown-name'), or knows none and the rules had any evidence ('unknown-any').
   */
  ruleKindsOnSameSpan: 'never' | 'name' | 'unknown-name' | 'unknown-any';
  /** Which rule mentions are added where the tagger found nothing overlapping them. */
  addRuleMentions: 'none' | 'name' | 'all';
  /** Where the tagger does not know an entity's name and the rules' own words found other spans over it, the rules' spans win. */
  ruleSpansOverUnknown: 'never' | 'unknown-name' | 'unknown-word';
  /**
   * Where the rules' own words name a wider span of the same kind over the tagger's entity, the wider
   * span wins: "Department of Housing and Urban Development", which the tagger cuts at the "and".
   */
  widerRuleNames: boolean;
  /** A lone sentence-opening word the rules never take for a name ("Police", "Union") is dropped. */
  dropGenericOpeners: boolean;
  /**
   * A lone sentence-opening word taken for a person, that the tagger does not know and the rules did
   * not find, is dropped ("Dock strike spreads"): a person is rarely first called by one unseen word.
   */
  dropUnknownOpeners: boolean;
  /** One kind per name in an article, by majority: never, across case-folded names, or for names in capitals only. */
  oneKindPerName: 'never' | 'case-folded' | 'capitals';
}

export const BEST_COMBINATION: CombineOptions = {
  ruleKindsOnSameSpan: 'unknown-any',
  ruleSpansOverUnknown: 'unknown-name',
  widerRuleNames: true,
  dropGenericOpeners: true,
  dropUnknownOpeners: true,
  addRuleMentions: 'name',
  oneKindPerName: 'capitals',
};

interface Located {
  start: number;
  end: number;
}

const contains = (outer: Located, inner: Located) => outer.start <= inner.start && inner.end <= outer.end;
const overlaps = (a: Located, b: Located) => a.start < b.end && b.start < a.end;

/**
 * Items with spans, sorted by start, with the running maximum of their ends: the items over or
 * inside a span are found by a binary search and a short walk, so that combining stays linear in
 * the length of an article (a 1 MB one has some 15,000 mentions), not quadratic. Found items come
 * in the order they were given.
 */
class SpanIndex<T> {
  private readonly sorted: { item: T; span: Located; order: number }[];
  private readonly furthestEnds: number[] = [];

  constructor(items: readonly T[], spanOf: (item: T) => Located) {
    this.sorted = items
      .map((item, order) => ({ item, span: spanOf(item), order }))
      .sort((a, b) => a.span.start - b.span.start || a.order - b.order);
    let furthest = -Infinity;
    for (const { span } of this.sorted) this.furthestEnds.push((furthest = Math.max(furthest, span.end)));
  }

  overlapping(span: Located): T[] {
    return this.reaching(span.end, span.start, (other) => overlaps(other, span));
  }

  containing(span: Located): T[] {
    return this.reaching(span.start, span.end, (other) => contains(other, span));
  }

  /** The items whose spans lie within `span`. */
  within(span: Located): T[] {
    const found: { item: T; order: number }[] = [];
    for (
      let i = this.firstStartingFrom(span.start);
      i < this.sorted.length && this.sorted[i]!.span.start <= span.end;
      i++
    ) {
      if (contains(span, this.sorted[i]!.span)) found.push(this.sorted[i]!);
    }
    return inOrderGiven(found);
  }

  /** The items that start at or before `startAtMost`, end at or after `endAtLeast`, and pass `test`. */
  private reaching(startAtMost: number, endAtLeast: number, test: (span: Located) => boolean): T[] {
    const found: { item: T; order: number }[] = [];
    // Walking back from the last item starting early enough, until no earlier item ends late enough.
    for (let i = this.firstStartingAfter(startAtMost) - 1; i >= 0 && this.furthestEnds[i]! >= endAtLeast; i--) {
      if (test(this.sorted[i]!.span)) found.push(this.sorted[i]!);
    }
    return inOrderGiven(found);
  }

  private firstStartingFrom(offset: number): number {
    return this.firstWhere((start) => start >= offset);
  }

  private firstStartingAfter(offset: number): number {
    return this.firstWhere((start) => start > offset);
  }

  /** The first index whose start passes `test`, which holds from some index on (the length if none). */
  private firstWhere(test: (start: number) => boolean): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (test(this.sorted[middle]!.span.start)) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

/**
 * Items by exact span, the last one set for a span winning. Keyed by start, then end, rather than by
 * a "start:end" string: that built two number strings and a third per rule and per entity.
 */
class SpanMap<T> {
  private readonly byStart = new Map<number, Map<number, T>>();

  set(span: Located, item: T): void {
    let byEnd = this.byStart.get(span.start);
    if (byEnd === undefined) this.byStart.set(span.start, (byEnd = new Map<number, T>()));
    byEnd.set(span.end, item);
  }

  get(span: Located): T | undefined {
    return this.byStart.get(span.start)?.get(span.end);
  }
}

function inOrderGiven<T>(found: { item: T; order: number }[]): T[] {
  return found.sort((a, b) => a.order - b.order).map(({ item }) => item);
}

export function combineMentions(
  text: string,
  tagged: readonly TaggedEntity[],
  rules: readonly RuleMention[],
  options: CombineOptions = BEST_COMBINATION,
): Mention[] {
  const ruleBySpan = new SpanMap<RuleMention>();
  for (const rule of rules) ruleBySpan.set(rule.span, rule);
  const rulesBySpan = new SpanIndex(rules, (rule) => rule.span);
  const entities = tagged.flatMap((entity) => {
    if (
      options.dropGenericOpeners &&
      entity.sentenceInitial &&
      entity.tokens.length === 1 &&
      isGenericOpener(entity.tokens[0]!.text)
    )
      return [];
    return [{ entity, span: { start: entity.tokens[0]!.start, end: entity.tokens[entity.tokens.length - 1]!.end } }];
  });
  // Rule names wider than a tagger entity of the same kind; every entity inside one gives way to it.
  const entitiesBySpan = new SpanIndex(entities, ({ span }) => span);
  const widerNames = options.widerRuleNames
    ? rules.filter(
        (rule) =>
          rule.evidence === 'name' &&
          entitiesBySpan
            .within(rule.span)
            .some(({ entity, span }) => KIND_OF_CLASS[entity.entityClass] === rule.kind && !contains(span, rule.span)),
      )
    : [];
  const widerNamesBySpan = new SpanIndex(widerNames, (rule) => rule.span);
  const mentions: Mention[] = [];
  const replaced = new Set<RuleMention>();
  const claimed: Located[] = [];
  for (const { entity, span } of entities) {
    const kind = KIND_OF_CLASS[entity.entityClass];
    const rule = ruleBySpan.get(span);
    const lonelyOpener =
      entity.entityClass === 'PER' && entity.sentenceInitial && entity.tokens.length === 1 && !entity.knownName;
    if (options.dropUnknownOpeners && lonelyOpener && rulesBySpan.overlapping(span).length === 0) continue;
    const [wider] = widerNamesBySpan.containing(span);
    if (wider !== undefined) {
      replaced.add(wider);
      continue;
    }
    if (rule === undefined && spansGiveWay(options.ruleSpansOverUnknown, entity)) {
      const over = rulesBySpan.overlapping(span).filter((other) => other.evidence === 'name');
      if (over.length > 0) {
        for (const other of over) replaced.add(other);
        continue;
      }
    }
    claimed.push(span);
    if (kind === undefined) continue;
    const ruleKind = rule !== undefined && overrides(options.ruleKindsOnSameSpan, rule, entity) ? rule.kind : undefined;
    mentions.push({
      text: text.slice(span.start, span.end),
      span: { start: span.start, end: span.end },
      kind: ruleKind ?? kind,
    });
  }
  if (options.addRuleMentions !== 'none' || replaced.size > 0) {
    const claimedSpans = new SpanIndex(claimed, (span) => span);
    for (const rule of rules) {
      if (
        !replaced.has(rule) &&
        (options.addRuleMentions === 'none' || (options.addRuleMentions === 'name' && rule.evidence !== 'name'))
      )
        continue;
      if (claimedSpans.overlapping(rule.span).length > 0) continue;
      mentions.push({ text: rule.text, span: rule.span, kind: rule.kind });
    }
    mentions.sort((a, b) => a.span.start - b.span.start);
  }
  if (options.oneKindPerName === 'never') return mentions;
  return withOneKindPerName(mentions, options.oneKindPerName === 'capitals');
}

function spansGiveWay(when: CombineOptions['ruleSpansOverUnknown'], entity: TaggedEntity): boolean {
  return when === 'unknown-name' ? !entity.knownName : when === 'unknown-word' ? !entity.knownWord : false;
}

function overrides(when: CombineOptions['ruleKindsOnSameSpan'], rule: RuleMention, entity: TaggedEntity): boolean {
  switch (when) {
    case 'never':
      return false;
    case 'name':
      return rule.evidence === 'name';
    case 'unknown-name':
      return rule.evidence === 'name' && !entity.knownWord;
    case 'unknown-any':
      // Also where the tagger says person and the rules' own words say otherwise ("Maritime Museum").
      return !entity.knownWord || (rule.evidence === 'name' && (!entity.knownName || entity.entityClass === 'PER'));
  }
}

const IN_CAPITALS = /^[^\p{Ll}]*$/u;

/** Each case-folded name takes the kind most of its mentions have (on a tie, the kind of the first mention). */
export function withOneKindPerName(mentions: readonly Mention[], capitalsOnly = false): Mention[] {
  const tallies = new Map<string, Map<MentionKind, number>>();
  for (const mention of mentions) {
    if (capitalsOnly && IN_CAPITALS.test(mention.text)) continue;
    const key = mention.text.toLowerCase();
    const tally = tallies.get(key) ?? new Map<MentionKind, number>();
    tally.set(mention.kind, (tally.get(mention.kind) ?? 0) + 1);
    tallies.set(key, tally);
  }
  return mentions.map((mention) => {
    if (capitalsOnly && !IN_CAPITALS.test(mention.text)) return mention;
    const tally = tallies.get(mention.text.toLowerCase());
    if (tally === undefined || (tally.size < 2 && tally.has(mention.kind))) return mention;
    let best = mention.kind;
    let bestCount = 0;
    for (const [kind, count] of tally) {
      if (count > bestCount) {
        best = kind;
        bestCount = count;
      }
    }
    return best === mention.kind ? mention : { ...mention, kind: best };
  });
}
