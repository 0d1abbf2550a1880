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
} as const;
