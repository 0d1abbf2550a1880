import type { Clock } from '../ports';

/**
 * Google ends an execution 6 minutes after it began ([official] quotas: "Script runtime 6 min /
 * execution"), and the minutes a dialog stays open or a trigger waits for the lock are among them.
 * Work stops 4½ minutes after the execution began, saves its progress and schedules its own
 * continuation, leaving the rest for the final writes (about 25 s at 5,000 applicants: `npm run
 * bench -- load`).
 */
export const EXECUTION_BUDGET_MS = 270_000;

export interface Budget {
  expired(): boolean;
}

/**
 * The time this execution has left for work: until 4½ minutes after it began, or `ms` from now
 * when that comes first (a short errand, like telling the coordinator of a failure).
 */
export function startBudget(clock: Clock, ms?: number): Budget {
  const end = clock.startedAt().getTime() + EXECUTION_BUDGET_MS;
  const deadline = ms === undefined ? end : Math.min(end, clock.now().getTime() + ms);
  return { expired: () => clock.now().getTime() > deadline };
}
