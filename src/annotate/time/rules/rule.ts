// What a rule is: a regular expression with named groups, and a reader that turns each match into
// zero or more candidates (a range such as "March 1-5" gives two). Readers reach the words of a
// match by group name only, so a pattern can grow a group without breaking the readers of others.
import type { Candidate, Expression } from '../candidates.js';

/** A match of a rule whose named groups are `Name`; a group that took no part in the match is undefined. */
export interface RuleMatch<Name extends string> {
  /** The whole match. */
  readonly 0: string;
  readonly index: number;
  readonly groups: Partial<Record<Name, string>>;
  /** Where each group lies in the text; only rules built with `spans` have them. */
  readonly indices?: { readonly groups?: Partial<Record<Name, [number, number]>> };
}

export interface Rule {
  pattern: RegExp;
  read: (match: RegExpExecArray, text: string) => Candidate[];
  /** Found in every match (see RuleOptions.trigger): a text without it is not scanned with `pattern`. */
  trigger?: RegExp;
  /** The words every match begins with (see RuleOptions.starts). */
  starts?: readonly string[];
  /** `pattern` made sticky, to try it at one position: where a word of `starts` begins. */
  stickyPattern?: RegExp;
}

interface RuleOptions {
  /** Record where each group lies (the `d` flag), for readers that cut a match into parts. It costs on every match. */
  spans?: boolean;
  /**
   * A pattern that every match of the rule contains (a word of it no match can do without, such as
   * "quarter"), matched with the same case folding. Most texts lack the rarer families' words, and
   * looking for a word is far cheaper than scanning with the rule, whose leading look-behind is tried
   * at every position of the text.
   */
  trigger?: string;
  /**
   * Lowercase words that the first word of every match (its first run of letters and digits) begins
   * with: "the", "last", the weekday names, "1" for a digit. The pieces in patterns.ts export them
   * for the words they open with. With them the rule is tried only where such a word starts,
   * instead of at every position of the text: each big pattern costs a few nanoseconds a
   * character, and most words start none of its matches. A word missing here loses matches, so
   * rule.test.ts checks every match of every rule against its list.
   */
  starts?: readonly string[];
}

const GROUP_NAME = /\(\?<(?<name>[A-Za-z]\w*)>/g;

/**
 * A rule matching `source` as whole words, case-insensitively. `groups` names every group of the
 * source; it is checked against the source when the rule is built, so a reader can only ask for a
 * group that exists.
 */
export function rule<const Name extends string>(
  groups: readonly Name[],
  source: string,
  read: (match: RuleMatch<Name>, text: string) => Candidate[],
  { spans = false, trigger, starts }: RuleOptions = {},
): Rule {
  const inSource = [...source.matchAll(GROUP_NAME)].map((group) => group.groups?.name);
  const declared: readonly string[] = groups;
  if (inSource.length !== declared.length || inSource.some((name) => name === undefined || !declared.includes(name))) {
    throw new Error(
      `rule groups [${declared.join(', ')}] do not match the groups of its pattern [${inSource.join(', ')}]`,
    );
  }
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, spans ? 'gdiu' : 'giu');
  // Sound because the groups were checked above: every name a reader may ask for is in the pattern.
  return {
    pattern,
    read: read as unknown as Rule['read'],
    ...(trigger !== undefined && { trigger: new RegExp(trigger, 'iu') }),
    ...(starts !== undefined && { starts, stickyPattern: new RegExp(pattern.source, pattern.flags.replace('g', 'y')) }),
  };
}

/** The words of a group that every match of its rule fills; an empty one is a bug in the pattern. */
export function filled<Name extends string>(match: RuleMatch<Name>, name: NoInfer<Name>): string {
  const words = match.groups[name];
  if (words === undefined) throw new Error(`group "${name}" is empty in the match "${match[0]}"`);
  return words;
}

/** The whole match as one candidate. */
export function whole(match: RuleMatch<string>, expression: Expression): Candidate[] {
  return [{ text: match[0], span: { start: match.index, end: match.index + match[0].length }, expression }];
}
