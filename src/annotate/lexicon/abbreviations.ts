// Abbreviations whose full stop does not end a sentence. Shared by the sentence splitter (which
// must not break after them) and the tokenizer (which keeps the stop on the token).

/** Titles and ranks written before a name: "Gen. Tolland", "Sen. Brooks". */
export const TITLE_ABBREVIATIONS: readonly string[] = [
  'Adm',
  'Capt',
  'Cmdr',
  'Col',
  'Cpl',
  'Dr',
  'Gen',
  'Gov',
  'Lt',
  'Maj',
  'Mr',
  'Mrs',
  'Ms',
  'Pres',
  'Prof',
  'Pvt',
  'Rep',
  'Reps',
  'Rev',
  'Sen',
  'Sens',
  'Sgt',
  'Supt',
  'Hon',
  'Fr',
  'Sr',
  'Jr',
  'St',
  'Mt',
  'Ft',
];

/** Month abbreviations in AP style, always followed by a day or year: "Jan. 5". May is never abbreviated. */
export const MONTH_ABBREVIATIONS: readonly string[] = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
];

/** Abbreviations that usually sit inside a sentence but can also close one ("... of Acme Inc."). */
export const OTHER_ABBREVIATIONS: readonly string[] = [
  'No',
  'Nos',
  'vs',
  'Inc',
  'Corp',
  'Ltd',
  'Co',
  'Bros',
  'Dept',
  'Univ',
  'Ave',
  'Blvd',
  'approx',
  'est',
  'etc',
];

/** Abbreviations after which a capitalised word continues the sentence ("Gen. Tolland", "Jan. 5"). */
export const NON_TERMINAL_ABBREVIATIONS: ReadonlySet<string> = new Set(
  [...TITLE_ABBREVIATIONS, ...MONTH_ABBREVIATIONS, 'No', 'Nos', 'vs'].map((a) => `${a}.`),
);

/** AP-style US state abbreviations: "Springfield, Ill." They often close a sentence. */
export const STATE_ABBREVIATIONS: readonly string[] = [
  'Ala',
  'Ariz',
  'Ark',
  'Calif',
  'Colo',
  'Conn',
  'Fla',
  'Ga',
  'Ill',
  'Kan',
  'Ky',
  'La',
  'Md',
  'Mass',
  'Mich',
  'Minn',
  'Miss',
  'Mo',
  'Mont',
  'Neb',
  'Nev',
  'Okla',
  'Ore',
  'Pa',
  'Tenn',
  'Tex',
  'Va',
  'Vt',
  'Wash',
  'Wis',
  'Wyo',
];

export const ALL_ABBREVIATIONS: readonly string[] = [
  ...TITLE_ABBREVIATIONS,
  ...MONTH_ABBREVIATIONS,
  ...OTHER_ABBREVIATIONS,
  ...STATE_ABBREVIATIONS,
];
