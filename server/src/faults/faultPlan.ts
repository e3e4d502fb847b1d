/**
 * TEST-ONLY fault points, for the server-crash tests (tests/integration/server/serverCrash.test.ts).
 *
 * Inert unless a plan is given: the CLI (main.ts) reads it from the ECABINET_FAULT environment
 * variable, `startServer()` from its `faultPlan` option; nothing else sets it, and production
 * deployments must leave it unset. A plan `<point>:<n>` makes the process kill itself with
 * SIGKILL (no cleanup, no flush: what a power cut or an OOM kill does to the process) the n-th
 * time (1-based, counted since the process started) it reaches that point:
 *
 * - `push:before-commit` — a push transaction (a whole batch, or a chunk of a batch longer than
 *   push/applyPush.ts PUSH_CHUNK) has written the effects of its new mutations, the client's
 *   last_mutation_id, audit rows and change-log entries, and the COMMIT has not been sent;
 * - `push:after-commit` — that transaction has committed; the next chunk of the batch (or the
 *   ack, after the last one) has not started;
 * - `push:before-ack` — a whole push batch has been processed and committed; the ack has not
 *   been sent.
 *
 * A transaction with only duplicates (or stopping at a gap before any new mutation) never
 * reaches the first two points (it writes nothing).
 */
export const FAULT_POINTS = ['push:before-commit', 'push:after-commit', 'push:before-ack'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export interface FaultPlan {
  point: FaultPoint;
  /** 1-based: the n-th time the point is reached. */
  hit: number;
}

/** What the server calls at each fault point. */
export interface Faults {
  reach(point: FaultPoint): void;
}

/** No plan: every point is a no-op. */
export const noFaults: Faults = { reach: () => undefined };

const PLAN = /^([a-z]+:[a-z-]+):([1-9]\d{0,8})$/;

/**
 * `undefined` or '' → null (no faults). Anything else must be a valid plan: a typo must not
 * silently turn a crash test into a test that proves nothing.
 */
export function parseFaultPlan(text: string | undefined): FaultPlan | null {
  if (text === undefined || text.trim() === '') return null;
  const match = PLAN.exec(text.trim());
  const point = FAULT_POINTS.find((p) => p === match?.[1]);
  if (match === null || point === undefined)
    throw new Error(
      `invalid fault plan "${text}": expected <point>:<n> with point one of ${FAULT_POINTS.join(', ')}`,
    );
  return { point, hit: Number(match[2]) };
}

/** Counts arrivals at the planned point and calls `kill` on the planned one. */
export function createFaults(
  plan: FaultPlan | null,
  kill: () => void = () => process.kill(process.pid, 'SIGKILL'),
): Faults {
  if (plan === null) return noFaults;
  let reached = 0;
  return {
    reach: (point) => {
      if (point !== plan.point) return;
      reached += 1;
      if (reached === plan.hit) kill();
    },
  };
}
