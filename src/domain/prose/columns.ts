/**
 * What each column's header note says (the text Sheets shows on hover), by tab and header, for the
 * columns that need a word: what to type, what not to change, what Cohort fills in. Written when
 * Cohort makes the tab or adds the column (adapters/apps-script/SheetWorkbook.ts).
 */
export const COLUMN_NOTES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Applicants: {
    ID: 'Stable reference, e.g. MR-004 (mentor) or ME-012 (mentee).',
  },
  Outbox: {
    Key: 'template:person[:detail]: one email per key, ever.',
    Links:
      'Filled by Cohort: the only links the email makes clickable (its own forms, Meet, the template’s).',
    Check: 'Filled by Cohort: the To address may not change once queued.',
  },
  Settings: {
    Key: 'The name Cohort reads: do not change it.',
  },
  Programme: {
    Key: 'A short unique name for the date; keep it once invitations are sent.',
    Date: 'YYYY-MM-DD',
    Start: 'HH:mm, wall-clock time; empty for a whole-day milestone',
    Coach: 'yes: the professional coach (Settings) is invited to this date',
    'Event ID': 'Filled by Cohort',
    'Meet link': 'Filled by Cohort',
    Invitations: 'Filled by Cohort: who has this date in their calendar',
    'Last synced': 'Filled by Cohort',
    Problems: 'Filled by Cohort',
  },
  Templates: {
    Key: 'Which email this is: do not change it.',
  },
  Choices: {
    '1st choice': 'Mentor name (ID)',
    Status:
      'Needs review: not sent from the mentee’s personal link. Set Accept to use these choices, Reject to ignore them.',
  },
  Matches: {
    Status:
      'Locked: keep this pair. Excluded: never pair these two. Announced pairs are never moved. Ended: say why in "Why it ended".',
    'Announced on': 'Filled by Announce pairs',
    'Why it ended': 'withdrawn, ended early, …: the pair is over; the mentee can be matched again',
    'Mentee continues': 'Filled by Cohort: the mentee’s answer to the continuation question',
    'Mentor continues': 'Filled by Cohort: the mentor’s answer',
    'Continues after November': 'Filled by Cohort: Yes only when both said yes; the finale thank-you says so',
  },
  Changes: {
    'Response tab': 'Filled by Cohort: where the change is, in full.',
    Status: 'Set Accept or Reject, then run Check applications.',
  },
  Launch: {
    Order: 'Change these numbers to change the running order.',
  },
  CheckIns: {
    Pair: 'The mentee and the mentor, with their IDs: which pair this check-in is about.',
    Status:
      'Needs review: sent without a valid personal code (not from the person’s own link): it counts for nobody.',
  },
  Attention: {
    Status: 'Set Done once you have dealt with it.',
    Key: 'Filled by Cohort: which matter this is, so it is listed once.',
  },
};
