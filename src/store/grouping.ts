// How a store folds a newly added article into the duplicate groups, shared by both stores: they
// fetch the newcomer's key candidates (their texts and groups), this decides, they write the
// result. The decision is the one `groupDuplicates` makes in memory, so a store's groups are the
// groups of the same articles held in memory.
import type { DuplicateDetector, DuplicateGroup, GroupMember } from '../model.js';

export type GroupId = number | string;

/** A stored article that shares lookup keys with the newcomer. */
export interface Candidate {
  seq: number | string;
  member: GroupMember;
  text: string;
  /** The group it belongs to already, if any. */
  groupId?: GroupId;
}

export interface GroupChange {
  /** The groups merged into the new one: delete them. */
  replaces: GroupId[];
  group: DuplicateGroup;
}

/**
 * The group the newcomer joins, or undefined when it is a story of its own. Candidates come in
 * the detector's shortlist order; one already joined (through its group) is not compared again.
 */
export function groupChange(
  newcomer: { text: string; member: GroupMember },
  candidates: readonly Candidate[],
  membersOf: ReadonlyMap<GroupId, readonly { seq: number | string; member: GroupMember }[]>,
  detector: DuplicateDetector,
): GroupChange | undefined {
  const joined = new Map<string, GroupMember>();
  const replaces: GroupId[] = [];
  for (const candidate of candidates) {
    if (joined.has(String(candidate.seq)) || !detector.sameStory(newcomer.text, candidate.text)) continue;
    if (candidate.groupId === undefined) {
      joined.set(String(candidate.seq), candidate.member);
      continue;
    }
    replaces.push(candidate.groupId);
    for (const { seq, member } of membersOf.get(candidate.groupId) ?? []) joined.set(String(seq), member);
  }
  if (joined.size === 0) return undefined;
  return { replaces, group: detector.group([...joined.values(), newcomer.member]) };
}
