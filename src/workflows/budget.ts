import type { Clock } from '../ports';

/**
 * Google ends an execution after 6 minutes. Work stops at 4½, saves its progress and schedules its
 * own continuation, leaving room for the final writes.
 */
export const EXECUTION_BUDGET_MS = 270_000;

export interface Budget {
  readonly startedAt: number;
  expired(): boolean;
}

export function startBudget(clock: Clock, ms = EXECUTION_BUDGET_MS): Budget {
  const startedAt = clock.now().getTime();
  return { startedAt, expired: () => clock.now().getTime() - startedAt > ms };
}
