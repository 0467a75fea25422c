// Which written form of a name to show, apart from the tagger that finds names: a timeline and
// story tracking choose between forms the store already holds, and should not load the tagger to do so.
/**
 * Whether one written form of a name should give way to another when both name one referent:
 * a headline's "VELMORA" to the text's "Velmora". Acronyms ("NATO", "WHO", "U.S.") are short
 * and keep their capitals.
 */
export function preferredNameForm(current: string, other: string): string {
  const shouted = (text: string) =>
    text === text.toLocaleUpperCase() && text !== text.toLocaleLowerCase() && text.replace(/\P{L}/gu, '').length > 4;
  return shouted(current) && !shouted(other) ? other : current;
}
