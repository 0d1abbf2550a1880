/** The script property holding the last failed action (failures.ts), apart so the CLI can read it without the workflows. */
export const LAST_FAILURE = 'failure:last';
