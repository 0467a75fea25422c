// How a store folds a newly added article into the duplicate groups, shared by both stores: they
// fetch the newcomer's key candidates (their fingerprints and groups), this decides, they write the
// result. The decision is the one `groupDuplicates` makes in memory, so a store's groups are the
// groups of the same articles held in memory.
import type { DuplicateDetector, DuplicateGroup, GroupMember, TextFingerprint } from '../model.js';

export type GroupId = number | string;

/** A stored article that shares lookup keys with the newcomer. */
export interface Candidate {
  seq: number | string;
  member: GroupMember;
  fingerprint: TextFingerprint;
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
  newcomer: { fingerprint: TextFingerprint; member: GroupMember },
  candidates: readonly Candidate[],
  membersOf: ReadonlyMap<GroupId, readonly { seq: number | string; member: GroupMember }[]>,
  detector: DuplicateDetector,
): GroupChange | undefined {
  const joined = new Map<string, GroupMember>();
  const replaces: GroupId[] = [];
  for (const candidate of candidates) {
    if (joined.has(String(candidate.seq)) || !detector.sameStory(newcomer.fingerprint, candidate.fingerprint)) continue;
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

/**
 * The fingerprints of the texts compared lately, by content hash (a fingerprint is a function of
 * it), the most recent last. Copies of a story arrive close together, so the same stored articles
 * are the candidates of newcomer after newcomer: reading each one's text again and fingerprinting
 * it was most of what a writer spent grouping, and it grew with the store. Keyed by content, it
 * needs no care for rolled-back rows; bounded, it holds a few MB.
 */
class FingerprintCache {
  private readonly kept = new Map<string, TextFingerprint>();

  constructor(
    private readonly detector: DuplicateDetector,
    private readonly limit: number,
  ) {}

  /** The kept fingerprint of the text with this content hash, if any. */
  get(contentHash: string): TextFingerprint | undefined {
    const known = this.kept.get(contentHash);
    if (known !== undefined) {
      this.kept.delete(contentHash);
      this.kept.set(contentHash, known);
    }
    return known;
  }

  /** Fingerprints a text that was not kept, and keeps it. */
  make(contentHash: string, text: string): TextFingerprint {
    const made = this.detector.fingerprint(text);
    this.keep(contentHash, made);
    return made;
  }

  /** Keeps a newcomer's fingerprint (made on the ingest threads): it is the next articles' candidate. */
  keep(contentHash: string, fingerprint: TextFingerprint): void {
    // Kept again (a copy of a kept text), it becomes the most recent rather than keeping its place.
    this.kept.delete(contentHash);
    if (this.kept.size >= this.limit) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(contentHash, fingerprint);
  }
}

const KEPT_FINGERPRINTS = 4_096;
const caches = new WeakMap<DuplicateDetector, FingerprintCache>();

/** The fingerprints a detector made lately, shared by every store in the process. */
export function fingerprintsOf(detector: DuplicateDetector): FingerprintCache {
  let cache = caches.get(detector);
  if (cache === undefined) {
    cache = new FingerprintCache(detector, KEPT_FINGERPRINTS);
    caches.set(detector, cache);
  }
  return cache;
}
