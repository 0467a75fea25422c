// Parsing and checking option values, so a typo gets a sentence and not a stack trace.
import { InvalidArgumentError } from 'commander';
import { queryProblem, STORY_ID } from '../query.js';

export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new InvalidArgumentError(`${name} must be a whole number ≥ 1, got '${value}'.`);
    return n;
  };
}

export function isoDay(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(`expected a real day as YYYY-MM-DD, got '${value}'.`);
  }
  return value;
}

/** A --store location: an empty one would open a temporary database that vanishes on exit. */
export function storeLocation(value: string): string {
  if (value.trim() === '')
    throw new InvalidArgumentError(
      'the store location is empty: give a SQLite file (story.sqlite) or a postgres:// URL.',
    );
  return value;
}

/** A --query: one with no word in it would silently mean "everything" (see queryProblem). */
export function topicQuery(value: string): string {
  if (value.trim() === '')
    throw new InvalidArgumentError(
      'the query is empty: give at least one word, or leave --query out for the whole archive.',
    );
  const problem = queryProblem(value);
  if (problem) throw new InvalidArgumentError(`${problem}.`);
  return value;
}

/** A --story id, as `chronicle stories` lists them. */
export function storyId(value: string): string {
  const id = value.trim().toLowerCase();
  if (!STORY_ID.test(id))
    throw new InvalidArgumentError(
      `a story id is 12 hexadecimal digits, as \`chronicle stories\` lists them; got '${value}'.`,
    );
  return id;
}
