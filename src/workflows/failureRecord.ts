import type { Store } from '../ports';

/**
 * The last failed action, as reportFailure (failures.ts) keeps it in script properties until the
 * action next succeeds. Apart from failures.ts so that the CLI reads it without the workflows.
 */
export const LAST_FAILURE = 'failure:last';

export interface Failure {
  readonly action: string;
  readonly message: string;
  /** ISO time. */
  readonly at: string;
}

/** The failure on record, or null when there is none (or what is there cannot be read). */
export function lastFailure(store: Pick<Store, 'get'>): Failure | null {
  const raw = store.get(LAST_FAILURE);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Failure;
  } catch {
    return null;
  }
}
