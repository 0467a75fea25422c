// Named people, organisations and places, found without a model. Capitalised token runs are the
// candidates. Each is classified by the strongest evidence it carries:
//   1. its own words: known names, datelines, organisation head words ("... Union"), titles
//      ("President ..."), place head words ("... Province"), common given names, the gazetteer;
//   2. the same words decided by (1) elsewhere in the article ("Brell" after "Tomas Brell");
//   3. the words around it: "in ...", "spokesman ...", "the port of ...", "...'s father";
//   4. weak hints: a speech verb after it, or two plain capitalised words, suggest a person.
// Where (3) and (4) gave one name different kinds in one article, the majority wins.
import { MONTH_NAMES, WEEKDAY_NAMES } from '../calendar.js';
import type { Mention, MentionKind } from '../model.js';
import { MONTH_ABBREVIATIONS } from './lexicon/abbreviations.js';
import {
  GIVEN_NAMES,
  KNOWN_ORGANIZATIONS,
  LOWERCASE_PERSON_CUES,
  ORGANIZATION_HEADS,
  PERSON_TITLES,
} from './lexicon/names.js';
import { PLACE_NAMES } from './lexicon/places.js';
import type { TokenSpan } from './tokens.js';
import { combineMentions } from './ner/combine.js';
import { shippedModel } from './ner/model-file.js';
import { tagEntities } from './ner/tagger.js';

/** Lowercase particles inside names: "Rio de Janeiro", "Osama bin Laden", "Vincent van Gogh". */
const NAME_PARTICLES = new Set([
  'de',
  'da',
  'do',
  'dos',
  'di',
  'du',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'bin',
  'ibn',
  'al',
  'el',
  'es',
  'le',
  'la',
]);

/** Heads that take an "of" phrase into the name: "Ministry of Health", "Gulf of Mexico". */
const OF_HEADS = new Set([
  ...ORGANIZATION_HEADS,
  'Republic',
  'Kingdom',
  'Gulf',
  'Bay',
  'Sea',
  'Isle',
  'Strait',
  'Province',
  'City',
  'Port',
  'Islands',
  'Secretary',
]);

const PLACE_HEADS = new Set([
  'City',
  'Province',
  'Region',
  'District',
  'County',
  'Island',
  'Islands',
  'River',
  'Valley',
  'Mountains',
  'Street',
  'Square',
  'Sea',
  'Strait',
  'Bay',
  'Port',
  'Harbour',
  'Harbor',
  'Camp',
  'Airport',
  'Bridge',
  'Avenue',
  'Road',
  'Village',
  'Governorate',
  'Lake',
  'Peninsula',
  'Coast',
  'Desert',
  'Border',
  'Crossing',
  'Straits',
  'Hill',
  'Heights',
  'Mountain',
  'Canal',
  'Park',
  'Plaza',
  'Beach',
  'Gate',
  'Field',
  'Oblast',
  'Quay',
  'Wharf',
  'Pier',
  'Dock',
  'Docks',
  'Terminal',
  'Station',
  'Hall',
  'Palace',
  'Stadium',
  'Museum',
  'Cathedral',
  'Mosque',
  'Temple',
  'Monument',
]);

/** Last words of names that are neither people, organisations nor places: laws, wars, holidays, prizes. */
const OTHER_NAME_HEADS = new Set([
  'Act',
  'Law',
  'Bill',
  'War',
  'Day',
  'Eve',
  'Treaty',
  'Agreement',
  'Accord',
  'Accords',
  'Plan',
  'Files',
  'Prize',
  'Award',
  'Cup',
  'Games',
  'Olympics',
  'Festival',
  'Catholic',
  'Protestant',
  'Muslim',
  'Muslims',
  'Christian',
  'Christians',
  'Jewish',
  'Index',
  'Report',
  'Resolution',
  'Constitution',
  'Revolution',
]);

/** Words before a capitalised name that place it: "in Velmora", "troops reached Kessar". */
const PLACE_PREPOSITIONS = new Set([
  'in',
  'at',
  'from',
  'near',
  'into',
  'across',
  'outside',
  'inside',
  'toward',
  'towards',
  'around',
  'through',
  'via',
  'entered',
  'visited',
  'reached',
  'captured',
  'shelled',
]);

/** Nouns that make the following "of"/"with" phrase a place: "the port of Velmora", "the border with Valdoria". */
const PLACE_NOUNS = new Set([
  'port',
  'city',
  'town',
  'village',
  'capital',
  'province',
  'region',
  'border',
  'outskirts',
  'streets',
  'residents',
  'people',
  'north',
  'south',
  'east',
  'west',
  'centre',
  'center',
  'suburbs',
  'district',
  'coast',
  'Residents',
  'People',
]);

/**
 * "left for X", "spread to X", "returned to X": the destination of a movement is a place. Other uses of
 * "to" and "for" ("spoke to Brell", "worked for Acme") decide nothing.
 */
const MOVEMENT_VERBS = new Set([
  'left',
  'leave',
  'leaves',
  'headed',
  'heading',
  'bound',
  'departed',
  'sailed',
  'flew',
  'spread',
  'spreads',
  'returned',
  'returns',
  'moved',
  'travelled',
  'traveled',
  'fled',
  'went',
  'came',
  'deployed',
  'sent',
  'extended',
]);

/** Nouns after a possessive name that only a person has: "Elian's father", "Brell's lawyer". */
const RELATIONS = new Set([
  'father',
  'mother',
  'parents',
  'son',
  'sons',
  'daughter',
  'daughters',
  'wife',
  'husband',
  'family',
  'relatives',
  'cousin',
  'cousins',
  'uncle',
  'aunt',
  'brother',
  'sister',
  'children',
  'grandmother',
  'grandfather',
  'lawyer',
  'lawyers',
  'attorney',
  'attorneys',
  'spokesman',
  'spokeswoman',
  'aides',
  'aide',
  'friends',
  'friend',
  'birthday',
  'death',
  'arrest',
  'funeral',
  'widow',
  'girlfriend',
  'boyfriend',
  'home',
  'résumé',
  'campaign',
  'successor',
]);

/** Verbs that follow a person's name more than any other kind: "Brell said". */
const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'wrote', 'argued', 'insisted', 'warned', 'denied']);

// Capitalised words that are never part of a name: sentence openers, pronouns, days, months.
const NOT_NAMES = new Set([
  'The',
  'A',
  'An',
  'This',
  'That',
  'These',
  'Those',
  'There',
  'Here',
  'It',
  'Its',
  'He',
  'She',
  'His',
  'Her',
  'They',
  'Their',
  'We',
  'Our',
  'I',
  'You',
  'Your',
  'But',
  'And',
  'Or',
  'So',
  'Yet',
  'If',
  'As',
  'In',
  'On',
  'At',
  'Of',
  'For',
  'With',
  'By',
  'From',
  'To',
  'After',
  'Before',
  'When',
  'While',
  'Since',
  'During',
  'Although',
  'However',
  'Meanwhile',
  'Earlier',
  'Later',
  'Last',
  'Next',
  'Now',
  'Then',
  'Some',
  'Many',
  'Most',
  'All',
  'No',
  'Not',
  'More',
  'Few',
  'Both',
  'Each',
  'Every',
  'Other',
  'Such',
  'What',
  'Why',
  'How',
  'Who',
  'Where',
  'Which',
  'Asked',
  'According',
  'Despite',
  'Under',
  'Over',
  'About',
  'Among',
  ...WEEKDAY_NAMES,
  ...MONTH_NAMES,
  ...MONTH_ABBREVIATIONS.map((abbreviation) => `${abbreviation}.`),
  'God',
  'Internet',
  'Christmas',
  'Easter',
  'Ramadan',
  'Yes',
  'OK',
]);

// Common nouns that open sentences ("Police said ...") but can continue a name ("Harbour Workers Union").
const NOT_NAME_STARTS = new Set([
  'Police',
  'Officials',
  'Authorities',
  'Residents',
  'Witnesses',
  'Troops',
  'Rebels',
  'Protesters',
  'Workers',
  'Government',
  'Army',
  'Parliament',
  'Union',
  'Analysts',
  'Diplomats',
  'Investigators',
  'Prosecutors',
  'Talks',
  'Floods',
  'Shares',
  'Prices',
  'Aid',
]);

/** A capitalised word that opens sentences without being a name: "Police", "The", "Union". */
export function isGenericOpener(word: string): boolean {
  return NOT_NAMES.has(word) || NOT_NAME_STARTS.has(word);
}

/** A capitalised run of tokens, before it is classified. */
interface Candidate {
  /** The whole run: "Labour Minister Tomas Brell", "Defence Ministry". */
  run: TokenSpan[];
  /** The run without leading titles and nationality words: "Tomas Brell"; empty for "Prime Minister". */
  name: TokenSpan[];
  /** A person's title was among the words removed from the front of the run. */
  titled: boolean;
  /** The two tokens before the name (nearest last), when in the same sentence. */
  before: (TokenSpan | undefined)[];
  /** The two tokens after the run (nearest first), when in the same sentence. */
  after: (TokenSpan | undefined)[];
  /** The run opens its sentence, where every word is capitalised. */
  sentenceInitial: boolean;
  /** The run is part of a dateline ("VELMORA, Ostravia --"). */
  datelinePart: boolean;
}

interface Decision {
  kind: MentionKind;
  tokens: TokenSpan[];
}

/** How sure the rules are of a mention's kind: its own words decided it, or only its context and hints. */
export type RuleEvidence = 'name' | 'context';

export interface RuleMention extends Mention {
  evidence: RuleEvidence;
}

/** Finds the named mentions of a text, given its tokens grouped by sentence. Spans are offsets into `text`. */
export function findMentions(text: string, sentences: readonly (readonly TokenSpan[])[]): Mention[] {
  const rules = findMentionsByRules(text, sentences);
  const model = shippedModel();
  if (model === undefined) return rules.map(({ evidence: _, ...mention }) => mention);
  return combineMentions(text, tagEntities(sentences, model), rules);
}

/** The rules alone (no model): each mention with the strength of the evidence for its kind. */
export function findMentionsByRules(text: string, sentences: readonly (readonly TokenSpan[])[]): RuleMention[] {
  const candidates = sentences.flatMap((tokens) => candidatesOf(tokens));
  // Certain evidence first (lexicons, head words, titles, datelines); it overrides the weaker
  // evidence of context wherever the same words come back in the article.
  const certain = candidates.map(classifyByName);
  const certainKinds = kindsByWord(certain);
  const provisional = candidates.map(
    (candidate, i) =>
      certain[i] ??
      decisionOf(
        candidate,
        propagatedKind(candidate, certainKinds) ?? classifyByContext(candidate) ?? guessedKind(candidate),
      ),
  );
  // An article calls one name one kind: where context disagreed ("to Elian", "Elian said"), the majority wins.
  const majority = majorityKinds(provisional);
  const settled = provisional.map((decision, i) =>
    certain[i] === undefined && decision !== undefined
      ? { ...decision, kind: majority.get(textOf(decision.tokens)) ?? decision.kind }
      : decision,
  );
  const settledKinds = kindsByWord(settled);
  return candidates.flatMap((candidate, i) => {
    const decision = settled[i] ?? decisionOf(candidate, propagatedKind(candidate, settledKinds));
    if (decision === undefined) return [];
    // Built as one literal, not by spreading a Mention: spread objects took many hidden classes, and
    // combineMentions' reads of the rules' fields went through V8's slow megamorphic lookups.
    const { text: mentionText, span, kind } = mentionOf(text, decision);
    const evidence: RuleEvidence = certain[i] !== undefined ? 'name' : 'context';
    return [{ text: mentionText, span, kind, evidence } satisfies RuleMention];
  });
}

function decisionOf(candidate: Candidate, kind: MentionKind | undefined): Decision | undefined {
  return kind === undefined || candidate.name.length === 0 ? undefined : { kind, tokens: candidate.name };
}

function mentionOf(text: string, { kind, tokens }: Decision): Mention {
  const start = (tokens[0] as TokenSpan).start;
  const end = (tokens[tokens.length - 1] as TokenSpan).end;
  return { text: text.slice(start, end), span: { start, end }, kind };
}

function textOf(tokens: readonly TokenSpan[]): string {
  return tokens.map((t) => t.text).join(' ');
}

// -----------------------------------------------------------------------------------------------
// Candidates

const STARTS_UPPERCASE = /^\p{Lu}/u;

/** STARTS_UPPERCASE.test(word), by the first character's code when it is ASCII: this runs for every token. */
function startsUppercase(word: string): boolean {
  const code = word.charCodeAt(0);
  return code < 0x80 ? code >= 0x41 && code <= 0x5a : STARTS_UPPERCASE.test(word);
}

function isCapitalised(token: TokenSpan): boolean {
  const word = token.text;
  const hyphenated = word.includes('-');
  if (!startsUppercase(word)) return hyphenated && /^(?:al|el|ad|as|ash|an|ar|ibn|bin)-\p{Lu}/u.test(word);
  // "U.S.-backed", "Kurdish-led" describe something else; they are not names themselves.
  return !hyphenated || !/-\p{Ll}+$/u.test(word) || /^\p{Lu}\p{Ll}+-\p{Lu}/u.test(word);
}

function isNameWord(token: TokenSpan): boolean {
  return isCapitalised(token) && !NOT_NAMES.has(token.text);
}

function startsName(token: TokenSpan): boolean {
  return isNameWord(token) && !NOT_NAME_STARTS.has(token.text);
}

/** The maximal runs of name words in a sentence, joined across particles and "of" after a head. */
function candidatesOf(tokens: readonly TokenSpan[]): Candidate[] {
  const candidates: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!startsName(tokens[i] as TokenSpan)) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    for (;;) {
      const next = tokens[end];
      if (next !== undefined && isNameWord(next)) {
        end++;
        continue;
      }
      const joined = tokens[end + 1];
      if (
        next !== undefined &&
        joined !== undefined &&
        isNameWord(joined) &&
        joinsName(tokens[end - 1] as TokenSpan, next)
      ) {
        end += 2;
        continue;
      }
      end = coordinatedOrganizationEnd(tokens, start, end);
      break;
    }
    const run = tokens.slice(start, end);
    const { name, titled } = nameOf(run);
    const nameStart = start + run.length - name.length;
    candidates.push({
      run,
      name,
      titled,
      before: [tokens[nameStart - 2], tokens[nameStart - 1]],
      after: [tokens[end], tokens[end + 1]],
      sentenceInitial: start === 0,
      datelinePart: isDatelinePart(tokens, start, end),
    });
    i = end;
  }
  return candidates;
}

/**
 * "Immigration and Naturalization Service", "Food and Drug Administration": an "and" inside one
 * organisation's name, known by the head word closing the run after it. A run that is a name on its
 * own (a person, a place, an organisation with its own head) stays apart: "Anna Kovac and Harlow Ferries".
 * Returns the end of the joined run, or `end` when there is nothing to join.
 */
function coordinatedOrganizationEnd(tokens: readonly TokenSpan[], start: number, end: number): number {
  const connector = tokens[end];
  if (connector === undefined || (connector.text !== 'and' && connector.text !== '&')) return end;
  let after = end + 1;
  while (after < tokens.length && isNameWord(tokens[after] as TokenSpan)) after++;
  const first = tokens.slice(start, end);
  const second = tokens.slice(end + 1, after);
  const standsAlone = (run: TokenSpan[]) =>
    run.some((t) => ORGANIZATION_HEADS.has(t.text) || PERSON_TITLES.has(t.text) || PLACE_NAMES.has(t.text)) ||
    GIVEN_NAMES.has(run[0]!.text);
  const closesWithHead = second.length > 0 && ORGANIZATION_HEADS.has(second[second.length - 1]!.text);
  if (closesWithHead && first.length <= 3 && !standsAlone(first)) return after;
  return continuesTheField(first, second) ? after : end;
}

/**
 * "Department of Health and Human Services", "Ministry of Housing and Urban Development": after a
 * head's "of", an "and" adds to the field the body is for, unless what follows is a name of its own
 * (a person, a place, a title, or a body with its own head such as "Harlow Ferries"). "Services" is
 * the one head that names such a field.
 */
function continuesTheField(first: readonly TokenSpan[], second: readonly TokenSpan[]): boolean {
  const headOf =
    first.length >= 3 && first.length <= 4 && ORGANIZATION_HEADS.has(first[0]!.text) && first[1]!.text === 'of';
  const partOfTheField = (token: TokenSpan, i: number) =>
    !PERSON_TITLES.has(token.text) &&
    !PLACE_NAMES.has(token.text) &&
    !GIVEN_NAMES.has(token.text) &&
    (!ORGANIZATION_HEADS.has(token.text) || (token.text === 'Services' && i === second.length - 1));
  return headOf && second.length > 0 && second.length <= 3 && second.every(partOfTheField);
}

function joinsName(previous: TokenSpan, connector: TokenSpan): boolean {
  if (NAME_PARTICLES.has(connector.text)) return true;
  return connector.text === 'of' && OF_HEADS.has(previous.text);
}

/**
 * Titles and nationality words before a name are not part of it: "Labour Minister Tomas Brell" and
 * "Cuban President Fidel Castro" name "Tomas Brell" and "Fidel Castro"; "Secretary of State" is all title.
 */
function nameOf(run: readonly TokenSpan[]): { name: TokenSpan[]; titled: boolean } {
  let i = 0;
  let titled = false;
  for (; i < run.length; i++) {
    const word = (run[i] as TokenSpan).text;
    if (PERSON_TITLES.has(word)) titled = true;
    else if (!(isDemonym(word) && i + 1 < run.length) && !(word === 'of' && i > 0)) break;
  }
  return { name: run.slice(i), titled };
}

const DATELINE_BREAKS = new Set([',', '(', '-LRB-', '--', '—', '-', '_']);
const DATELINE_DASHES = new Set(['--', '—', '_', '(', '-LRB-']);

/**
 * A dateline opens a sentence: "VELMORA, Ostravia --", "NEW ORLEANS (AP) --". An all-capitals city,
 * then optionally a region or country after a comma; every part of it is a place.
 */
function isDatelinePart(tokens: readonly TokenSpan[], start: number, end: number): boolean {
  let cityEnd = 0;
  while (cityEnd < tokens.length && /^\p{Lu}{2,}$/u.test((tokens[cityEnd] as TokenSpan).text)) cityEnd++;
  const afterCity = tokens[cityEnd];
  if (cityEnd === 0 || afterCity === undefined || !DATELINE_BREAKS.has(afterCity.text)) return false;
  const dash = tokens.findIndex((t) => DATELINE_DASHES.has(t.text));
  if (dash < 0 || dash > 8) return false;
  return start === 0 || (afterCity.text === ',' && start === cityEnd + 1 && end <= dash);
}

// -----------------------------------------------------------------------------------------------
// Classification

/** The kind a candidate's own words give it, when they are conclusive; undefined otherwise. */
function classifyByName(candidate: Candidate): Decision | undefined {
  const { run, name } = candidate;
  const whole = textOf(run);
  if (KNOWN_ORGANIZATIONS.has(whole)) return { kind: 'organization', tokens: run };
  if (PLACE_NAMES.has(whole)) return { kind: 'place', tokens: run };
  if (candidate.datelinePart) return { kind: 'place', tokens: run };
  if (hasOrganizationHead(run)) return { kind: 'organization', tokens: run };
  if (name.length === 0) return undefined;
  const nameText = textOf(name);
  if (KNOWN_ORGANIZATIONS.has(nameText)) return { kind: 'organization', tokens: name };
  if (PLACE_NAMES.has(nameText)) return { kind: 'place', tokens: name };
  const first = name[0] as TokenSpan;
  const last = name[name.length - 1] as TokenSpan;
  if (name.length > 1 && OTHER_NAME_HEADS.has(last.text)) return undefined;
  if (name.length > 1 && PLACE_HEADS.has(last.text)) return { kind: 'place', tokens: name };
  // "City of London", "Port of Velmora": a place head opening an "of" phrase.
  if (name.length > 2 && PLACE_HEADS.has(first.text) && name[1]!.text === 'of') return { kind: 'place', tokens: name };
  if (candidate.titled || (name.length > 1 && GIVEN_NAMES.has(first.text))) return { kind: 'person', tokens: name };
  const gazetteerPart = placeWithin(name);
  if (gazetteerPart !== undefined) return { kind: 'place', tokens: gazetteerPart };
  return undefined;
}

/**
 * An organisation's head word ends its name or opens an "of" phrase: "Harbour Workers Union",
 * "Ministry of Health". Elsewhere the same word is a modifier ("Energy Minister ...").
 */
function hasOrganizationHead(tokens: readonly TokenSpan[]): boolean {
  if (tokens.length < 2) return false;
  return tokens.some(
    (token, i) => ORGANIZATION_HEADS.has(token.text) && (i === tokens.length - 1 || tokens[i + 1]?.text === 'of'),
  );
}

/** A run that opens with a sentence-initial word followed by a known place ("Across Syria") names the place. */
function placeWithin(tokens: readonly TokenSpan[]): TokenSpan[] | undefined {
  const rest = tokens.slice(1);
  return rest.length > 0 && PLACE_NAMES.has(textOf(rest)) ? rest : undefined;
}

/** The kind the words around a candidate suggest: "spokesman X", "in X", "the port of X"; acronyms are organisations. */
function classifyByContext(candidate: Candidate): MentionKind | undefined {
  const { name } = candidate;
  if (!isOrdinaryName(name)) return undefined;
  if (name.length === 1 && /^\p{Lu}{2,6}$/u.test((name[0] as TokenSpan).text)) return 'organization';
  const [next, afterNext] = candidate.after;
  const possessive = next !== undefined && /^['’]s?$/.test(next.text);
  if (possessive && afterNext !== undefined && RELATIONS.has(afterNext.text)) return 'person';
  const [twoBack, previous] = candidate.before;
  if (previous === undefined) return undefined;
  if (LOWERCASE_PERSON_CUES.has(previous.text)) return 'person';
  // In "from Elian's father" the preposition governs the father, not the name.
  if (PLACE_PREPOSITIONS.has(previous.text) && !possessive) return 'place';
  const placeNounPhrase =
    (previous.text === 'of' || previous.text === 'with') && twoBack !== undefined && PLACE_NOUNS.has(twoBack.text);
  const destination =
    (previous.text === 'for' || previous.text === 'to') && twoBack !== undefined && MOVEMENT_VERBS.has(twoBack.text);
  return placeNounPhrase || destination ? 'place' : undefined;
}

/** The weak hints, used only when neither the words, their context nor the article decided. */
function guessedKind(candidate: Candidate): MentionKind | undefined {
  const { name } = candidate;
  const after = candidate.after[0];
  if (!isOrdinaryName(name)) return undefined;
  // "Kovac said" opening a sentence is left to propagation: "Investigators said" opens sentences too.
  const speaks =
    after !== undefined && SPEECH_VERBS.has(after.text) && !(candidate.sentenceInitial && name.length === 1);
  if (speaks) return 'person';
  // Two or three plain capitalised words with nothing else to go on are most often a person's name,
  // unless one of them is a known place ("Florida Straits", "Warsaw Pact").
  const plainName =
    name.length >= 2 && name.length <= 3 && name.every(isPlainWord) && !name.some((t) => PLACE_NAMES.has(t.text));
  return plainName && !candidate.sentenceInitial ? 'person' : undefined;
}

/** Not a nationality word, nor a lone head noun ("Embassy", "Ministry"), nor a law, war or holiday. */
function isOrdinaryName(name: readonly TokenSpan[]): boolean {
  const last = name[name.length - 1];
  if (last === undefined || OTHER_NAME_HEADS.has(last.text)) return false;
  if (name.length > 1) return true;
  return !isDemonym(last.text) && !ORGANIZATION_HEADS.has(last.text) && !PLACE_HEADS.has(last.text);
}

function isPlainWord(token: TokenSpan): boolean {
  return /^\p{Lu}[\p{Ll}'’-]+$/u.test(token.text) || /^(?:al|el|bin|ibn)-\p{Lu}/u.test(token.text);
}

/** Nationality words that no suffix rule derives from a place name. */
const IRREGULAR_DEMONYMS = new Set([
  'British',
  'English',
  'French',
  'Dutch',
  'Polish',
  'Turkish',
  'Kurdish',
  'Kurd',
  'Kurds',
  'Swiss',
  'Greek',
  'Spanish',
  'Swedish',
  'Danish',
  'Finnish',
  'Irish',
  'Scottish',
  'Welsh',
  'Arab',
  'Arabs',
  'Arabic',
  'Filipino',
  'Thai',
  'Afghan',
  'Afghans',
  'Saudi',
  'Saudis',
  'Sunni',
  'Shia',
  'Shiite',
  'Druze',
  'Yazidi',
  'Western',
  'Eastern',
  'Northern',
  'Southern',
  'European',
  'Europeans',
  'Asian',
  'African',
  'Africans',
  'Latino',
  'Hispanic',
]);

/** Suffixes that turn a place name into a nationality word, with the letters of the place they replace. */
const DEMONYM_SUFFIXES: readonly [suffix: string, replaced: string[]][] = [
  ['n', ['']], // Cuba → Cuban, Syria → Syrian, Kenya → Kenyan
  ['an', ['', 'o', 'y']], // Morocco → Moroccan, Mexico → Mexican, Germany → German
  ['ian', ['', 'e', 'y']], // Egypt → Egyptian, Palestine → Palestinian, Italy → Italian
  ['ese', ['', 'a']], // Japan → Japanese, China → Chinese
  ['i', ['']], // Iraq → Iraqi, Pakistan → Pakistani
];

/**
 * "Ostravian", "Syrian", "Chinese", "Cubans": words of nationality, not names. Known when they derive
 * from a gazetteer place, or, for places the gazetteer lacks, when they look like "-ia" + "n".
 */
function isDemonym(word: string): boolean {
  if (IRREGULAR_DEMONYMS.has(word)) return true;
  const singular = word.endsWith('s') ? word.slice(0, -1) : word;
  if (GIVEN_NAMES.has(singular) || PLACE_NAMES.has(singular)) return false;
  if (IRREGULAR_DEMONYMS.has(singular)) return true;
  for (const [suffix, replaced] of DEMONYM_SUFFIXES) {
    if (!singular.endsWith(suffix)) continue;
    const stem = singular.slice(0, -suffix.length);
    if (replaced.some((ending) => PLACE_NAMES.has(stem + ending))) return true;
  }
  return singular.length >= 7 && /\p{Ll}ian$/u.test(singular);
}

// -----------------------------------------------------------------------------------------------
// Propagation within the article

/** For each decided mention, and each part of a person's name, the kind it was given. */
function kindsByWord(decisions: readonly (Decision | undefined)[]): Map<string, MentionKind> {
  const kinds = new Map<string, MentionKind>();
  for (const decision of decisions) {
    if (decision === undefined) continue;
    kinds.set(textOf(decision.tokens), decision.kind);
  }
  for (const decision of decisions) {
    if (decision?.kind !== 'person') continue;
    // A person is later called by any single part of the name: "Brell", "Kovac".
    for (const token of decision.tokens) {
      if (!kinds.has(token.text) && !GIVEN_NAMES.has(token.text) && !NAME_PARTICLES.has(token.text))
        kinds.set(token.text, 'person');
    }
  }
  return kinds;
}

function propagatedKind(candidate: Candidate, kinds: ReadonlyMap<string, MentionKind>): MentionKind | undefined {
  const { name } = candidate;
  if (name.length === 0) return undefined;
  const whole = kinds.get(textOf(name));
  if (whole !== undefined) return whole;
  const last = name[name.length - 1] as TokenSpan;
  return name.length <= 2 && kinds.get(last.text) === 'person' && isOrdinaryName(name) ? 'person' : undefined;
}

/** The most frequent kind of each mention text, where it was given more than one. */
function majorityKinds(decisions: readonly (Decision | undefined)[]): Map<string, MentionKind> {
  const tallies = new Map<string, Map<MentionKind, number>>();
  for (const decision of decisions) {
    if (decision === undefined) continue;
    const key = textOf(decision.tokens);
    const tally = tallies.get(key) ?? new Map<MentionKind, number>();
    tally.set(decision.kind, (tally.get(decision.kind) ?? 0) + 1);
    tallies.set(key, tally);
  }
  const majority = new Map<string, MentionKind>();
  for (const [key, tally] of tallies) {
    if (tally.size < 2) continue;
    const [kind] = [...tally].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    majority.set(key, kind);
  }
  return majority;
}
