// The outlet of a plain-text article whose input does not name one, read from the text the way an
// editor would: the agency in its dateline ("AFP, NEAR BAGHOUZ", "BAGHOUZ, Syria (AP) —",
// "(Reuters) -"), its byline ("By Jane Doe, Associated Press") or its photo credit ("(AP
// Photo/Andrea Rosa)"). Only the well-known agencies are recognised, each under one name: any
// other name in those places ("By Coastal Wire") may be a reprint's credit, not the outlet.

/** Each agency's one name, and the ways texts write it (longest first, so "AP" does not take "APA"). */
const AGENCIES: ReadonlyArray<[name: string, writings: string[]]> = [
  ['AP', ['The Associated Press', 'Associated Press', 'AP']],
  ['AFP', ['Agence France-Presse', 'Agence France Presse', 'AFP']],
  ['Reuters', ['Thomson Reuters', 'Reuters']],
  ['UPI', ['United Press International', 'UPI']],
  ['dpa', ['Deutsche Presse-Agentur', 'dpa']],
  ['Xinhua', ['Xinhua News Agency', 'Xinhua']],
  ['Kyodo', ['Kyodo News', 'Kyodo']],
  ['ANSA', ['ANSA']],
  ['EFE', ['EFE']],
  ['Anadolu', ['Anadolu Agency', 'Anadolu']],
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const AGENCY = `(${AGENCIES.flatMap(([, writings]) => writings)
  .map(escape)
  .join('|')})`;

/** Where in the text an agency is named, strongest evidence first. */
const PLACES: ReadonlyArray<[how: string, pattern: RegExp]> = [
  // "AFP, NEAR BAGHOUZ, Syria" opening a line: the agency, then a place in capitals.
  ['dateline', new RegExp(`^[ \\t]*${AGENCY}[ \\t]*,[ \\t]*\\p{Lu}[\\p{Lu} .'-]+\\b`, 'mu')],
  // "BAGHOUZ, Syria (AP) —", "LONDON (Reuters) -".
  ['dateline', new RegExp(`^[ \\t]*\\p{Lu}[^\\n(]{0,60}\\(${AGENCY}\\)[ \\t]*(?:--|[-—–])`, 'mu')],
  // "By Jane Doe, Associated Press", "By JOHN DOE and ANA RUIZ, AFP".
  ['byline', new RegExp(`^[ \\t]*By[ \\t]+[^\\n,]{2,80},[ \\t]*${AGENCY}[ \\t]*$`, 'mu')],
  // "(AP Photo/Andrea Rosa)".
  ['photo credit', new RegExp(`\\(${AGENCY}[ \\t]+Photo\\b`, 'u')],
];

/** How far into the text a dateline or byline can be: the first lines of the article. */
const LEAD_CHARACTERS = 1_000;

export interface OutletFound {
  outlet: string;
  /** Where it was named: "dateline", "byline" or "photo credit". */
  how: string;
  /** The words that named it. */
  words: string;
}

/** The agency the text names as its outlet, if it names a well-known one. */
export function outletFromText(text: string): OutletFound | undefined {
  for (const [how, pattern] of PLACES) {
    const searched = how === 'photo credit' ? text : text.slice(0, LEAD_CHARACTERS);
    const found = pattern.exec(searched);
    if (found) return { outlet: agencyName(found[1]!), how, words: found[0].trim() };
  }
  return undefined;
}

function agencyName(written: string): string {
  return AGENCIES.find(([, writings]) => writings.includes(written))![0];
}
