// The tag set of the sequence tagger: BIO over the four CoNLL classes. MISC is learnt because
// knowing that "German" or "World Cup" is some other kind of name keeps it out of the three
// classes Chronicle reports; it never leaves the tagger as a mention.

export type EntityClass = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const ENTITY_CLASSES: readonly EntityClass[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** Tag 0 is O; then B-X and I-X for each class in ENTITY_CLASSES order. */
export const TAGS: readonly string[] = ['O', ...ENTITY_CLASSES.flatMap((c) => [`B-${c}`, `I-${c}`])];
export const TAG_COUNT = TAGS.length;
export const OUTSIDE = 0;

export const beginTag = (entityClass: EntityClass): number => 1 + 2 * ENTITY_CLASSES.indexOf(entityClass);
export const insideTag = (entityClass: EntityClass): number => beginTag(entityClass) + 1;
export const isInside = (tag: number): boolean => tag !== OUTSIDE && tag % 2 === 0;
export const classOfTag = (tag: number): EntityClass | undefined =>
  tag === OUTSIDE ? undefined : ENTITY_CLASSES[(tag - 1) >> 1];

/**
 * Whether `tag` may follow `previous` (undefined at a sentence start): I-X only continues B-X or I-X.
 * Decoding never proposes an entity that starts with I-, so every output is well-formed BIO.
 */
export function mayFollow(previous: number | undefined, tag: number): boolean {
  if (!isInside(tag)) return true;
  return previous !== undefined && previous !== OUTSIDE && classOfTag(previous) === classOfTag(tag);
}

/** Entities of the first `length` tags of a sequence as token ranges [start, end). */
export function entitiesOfTagSequence(
  tags: ArrayLike<number>,
  length: number = tags.length,
): { start: number; end: number; entityClass: EntityClass }[] {
  const entities: { start: number; end: number; entityClass: EntityClass }[] = [];
  for (let i = 0; i < length; i++) {
    const entityClass = classOfTag(tags[i] as number);
    if (entityClass === undefined) continue;
    const inside = insideTag(entityClass);
    let end = i + 1;
    while (end < length && tags[end] === inside) end++;
    entities.push({ start: i, end, entityClass });
    i = end - 1;
  }
  return entities;
}
