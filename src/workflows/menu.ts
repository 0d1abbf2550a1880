/** The Mentoring menu: captions as the coordinator reads them, and the function each one runs. */
export const MENU_TITLE = 'Mentoring';

export const MENU = [
  { caption: 'Set up programme', handler: 'menuSetUp' },
  { caption: 'Check applications', handler: 'menuCheckApplications' },
  'separator',
  { caption: 'Send decisions', handler: 'menuSendDecisions' },
  { caption: 'Send decisions on…', handler: 'menuScheduleDecisions' },
  { caption: 'Retry failed emails', handler: 'menuRetryFailed' },
  'separator',
  { caption: 'Open mentor choices', handler: 'menuOpenChoices' },
  { caption: 'Run matching', handler: 'menuRunMatching' },
  { caption: 'Announce pairs', handler: 'menuAnnouncePairs' },
  'separator',
  { caption: 'Send calendar invites', handler: 'menuSendInvites' },
  'separator',
  { caption: 'Keep in touch now', handler: 'menuKeepInTouch' },
  { caption: 'Invite to the evaluation', handler: 'menuInviteEvaluation' },
  { caption: 'Export for the evaluator', handler: 'menuExportForEvaluator' },
  { caption: 'Close the programme', handler: 'menuCloseProgramme' },
  { caption: 'Start the next cohort', handler: 'menuStartNextCohort' },
  'separator',
  { caption: 'Erase a person', handler: 'menuErasePerson' },
] as const;
