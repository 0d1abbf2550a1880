/**
 * What the Settings tab's Note column says of each setting, when Set up programme first writes it
 * (settings.ts has the settings themselves: key, label, default, how a cell is read).
 */
import type { SettingKey } from '../settings';

/**
 * Notes an earlier version of Cohort wrote that were wrong or unclear: Set up programme replaces a
 * Note cell that still says one of these with today's note (any other wording is the coordinator's).
 */
export const SETTING_NOTES_BEFORE: Readonly<Partial<Record<SettingKey, readonly string[]>>> = {
  // It promised a schedule the cell alone never made.
  decisionsSendAt: [
    'Optional. Date and time like 2025-04-25 09:00 to send decisions automatically; leave empty to send from the menu.',
  ],
  // It left out that a nudge waits for the first check-in's answers (21 days came before them).
  nudgeAfterDays: [
    'Days after the introductions; a pair still not met two weeks after the nudge is listed for you.',
  ],
};

export const SETTING_NOTES: Readonly<Record<SettingKey, string>> = {
  programmeName: 'Used in emails, forms and calendar events.',
  coordinatorName: 'Emails are signed with this name.',
  coordinatorEmail: 'Replies to any email go to this address.',
  applicationDeadline:
    'Date and time (programme time zone) like 2025-04-18 23:59. Later applications are kept but flagged.',
  eligibleNations: 'Separated by commas. Applications from elsewhere are kept but flagged.',
  mentorPlaces: 'How many mentors can be selected.',
  menteePlaces: 'How many mentees can be selected.',
  timeZone: 'The time zone of all programme dates.',
  calendarName: 'The Google Calendar that holds the programme events.',
  coachName:
    'Optional. The professional coach and supervisor: named in the events of the dates marked Coach in Programme, and in emails as who to turn to.',
  coachEmail:
    'Optional. The coach gets their own invitation to each date marked Coach in Programme, and the requests for a one-to-one.',
  dryRun: 'TRUE: emails and invitations are written to the Outbox tab but not sent.',
  decisionsSendAt:
    'Filled in by Mentoring › Send decisions on…, which schedules the decisions to go by themselves at that time (like 2025-04-25 09:00), and emptied when you cancel the schedule there. Typing a time here schedules nothing: it is only what that menu item suggests.',
  choicesDeadline:
    'Date and time like 2025-05-12 23:59: the "Choose your mentors" email asks mentees to choose by then.',
  applicantEmailShare:
    "At most this share of Google's daily email limit goes on acknowledgements and change notices, so that junk applications can never delay a decision. Like 50%.",
  requireSignIn:
    'TRUE: the forms collect a verified email address (applicants need a Google account), and that address counts; run Set up programme after changing it. FALSE (the default): anyone can apply with the address they type.',
  handbookUrl: 'Optional. A https:// link to the handbook and its templates; emails link to it.',
  videoUrl: 'Optional. A https:// link to the video of previous participants.',
  contactName: 'Who a mentor or a mentee can talk to if things go wrong (often the project manager).',
  contactEmail: 'Their email address.',
  firstCheckInWeeks:
    'Weeks after the pair introductions when each mentor and mentee is first asked how it is going.',
  checkInEveryWeeks: 'Weeks between later check-ins, until the programme ends.',
  nudgeAfterDays:
    'Days after the introductions when a pair that has not said it met is nudged, but never before they have had a week to answer their first check-in. A pair still not met two weeks after the nudge is listed for you.',
  continuationWeeksBefore:
    'Weeks before the finale (the Programme tab) when each mentor and mentee is asked whether they would like to keep meeting afterwards.',
  evaluationSurveyUrl:
    "Optional. The evaluator's survey (https://): sent after the finale to those who agreed to take part.",
  programmeEndDate: 'Date like 2025-11-30: check-ins stop, and "Close the programme" can run after it.',
  retentionMonths:
    'After the programme ends; then Cohort reminds you, and "Close the programme" erases it (UK GDPR: no longer than needed).',
};
