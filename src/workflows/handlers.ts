/**
 * Names of the Apps Script functions that triggers call. The entry file declares a top-level
 * function for each; workflows schedule them by these names.
 */
export const HANDLER = {
  formSubmit: 'onFormSubmitTrigger',
  continueOutbox: 'continueOutbox',
  continueIntake: 'continueIntake',
  scheduledDecisions: 'sendScheduledDecisions',
  continueCalendar: 'continueCalendar',
  /** Daily: reminds the coordinator when a cohort's personal data falls due for erasure. */
  retentionCheck: 'retentionCheck',
  /** The daily keep-in-touch trigger (its own name: a continuation's schedule must never remove it). */
  keepInTouchDaily: 'keepInTouchDaily',
  continueKeepInTouch: 'continueKeepInTouch',
} as const;
