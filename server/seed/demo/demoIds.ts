/**
 * Fixed UUIDs for the demo data, so a re-seed writes the same rows (idempotent upserts).
 *
 * Shape: `ecab000G-0000-4000-8000-NNNNNNNNNNNN` (G = entity group, N = number in hex). The
 * version nibble is 4 and the variant nibble is 8, so every id is a valid RFC 9562 UUID.
 */
const GROUPS = { user: 1, meeting: 2, item: 3, document: 4, opinionBallot: 5 } as const;
export type DemoIdGroup = keyof typeof GROUPS;

/** `n` must be a positive integer below 2^48. */
export function demoId(group: DemoIdGroup, n: number): string {
  if (!Number.isInteger(n) || n < 1 || n >= 2 ** 48)
    throw new RangeError(`demo id number out of range: ${n}`);
  return `ecab000${GROUPS[group]}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
