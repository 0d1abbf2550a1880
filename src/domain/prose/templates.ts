/**
 * The words of the emails Cohort sends, as the coordinator first sees them in the Templates tab.
 * Warm, short, British English. Placeholders that depend on the moment are filled by the workflow
 * with a whole sentence, or with nothing (an empty paragraph is dropped): `{{dates}}` is the list of
 * programme dates still to come that concern the reader (see `programmeDatesText`); `{{launchNote}}`
 * says what happens at the launch, or is empty once it has passed; `{{reason}}` is the real reason
 * for a "no"; `{{problemNote}}` says what is wrong with an application and what to do. `{{support}}`
 * names the coach and the contact for when things go wrong, when Settings has them;
 * `{{coachSupport}}` the coach alone, for someone whose pairing has just ended (with no pair,
 * "between you" means nothing). Which placeholders each may use is code: default-templates.ts.
 */
import type { Role } from '../status';

export interface TemplateWords {
  readonly subject: string;
  readonly body: string;
}
type Entry = readonly [key: string, words: TemplateWords];

const SIGN_OFF = 'Best wishes,\n{{coordinatorName}}\n{{programmeName}}';

function template(key: string, subject: string, paragraphs: string[]): Entry {
  return [key, { subject, body: [...paragraphs, SIGN_OFF].join('\n\n') }];
}

/** The coordinator's own emails: no sign-off (they are from Cohort to its coordinator). */
function withoutSignOff(key: string, subject: string, paragraphs: string[]): Entry {
  return [key, { subject, body: paragraphs.join('\n\n') }];
}

const QUESTIONS = 'If you have any questions, just reply to this email or write to {{coordinatorEmail}}.';

function acknowledgement(role: Role): Entry {
  return template(`acknowledgement-${role}`, `Thank you for applying to be a ${role}`, [
    'Dear {{name}},',
    `Thank you for applying to be a ${role} on the {{programmeName}}. We have received your application.`,
    '{{problemNote}}',
    '{{datesNote}}',
    QUESTIONS,
  ]);
}

function notSelected(role: Role): Entry {
  return template(`decision-${role}-not-selected`, `Your application to be a ${role}`, [
    'Dear {{name}},',
    `Thank you for applying to be a ${role} on the {{programmeName}}. {{reason}}`,
    role === 'mentor'
      ? `We are very grateful for your offer of support and hope you will apply again for a future cohort. ${QUESTIONS}`
      : `We hope you will apply again for a future cohort. ${QUESTIONS}`,
  ]);
}

function waitlisted(role: Role): Entry {
  return template(`decision-${role}-waitlisted`, `Your application to be a ${role}`, [
    'Dear {{name}},',
    `Thank you for applying to be a ${role} on the {{programmeName}}. We had more applications than places, so we have put you on our waiting list.`,
    `If a place becomes free we will be in touch straight away. ${QUESTIONS}`,
  ]);
}

/** `{{whatNext}}`: the new partner this same email run introduces, or what happens instead (pairs.ts). */
function pairEnded(role: Role): Entry {
  return template(`pair-ended-${role}`, 'A change to your mentoring pairing', [
    'Dear {{name}},',
    `{{why}}, so your mentoring pairing with {{otherName}} has come to an end.`,
    role === 'mentee'
      ? '{{whatNext}} {{coachSupport}}'
      : 'Thank you for the time you have given {{otherName}}. {{whatNext}} {{coachSupport}}',
    QUESTIONS,
  ]);
}

/** Each email's default subject and body, by template key, in the Templates tab's order. */
export const TEMPLATE_WORDS: Readonly<Record<string, TemplateWords>> = Object.fromEntries([
  acknowledgement('mentor'),
  acknowledgement('mentee'),
  template('decision-mentor-selected', 'You have a place as a mentor', [
    'Dear {{name}},',
    'I am delighted to let you know that you have a place as a mentor on the {{programmeName}}.',
    '{{launchNote}}',
    'Calendar invitations will follow for these dates:\n{{dates}}',
    QUESTIONS,
  ]),
  template('decision-mentee-selected', 'You have a place as a mentee', [
    'Dear {{name}},',
    'I am delighted to let you know that you have a place as a mentee on the {{programmeName}}.',
    '{{launchNote}}',
    'Calendar invitations will follow for these dates:\n{{dates}}',
    QUESTIONS,
  ]),
  waitlisted('mentor'),
  waitlisted('mentee'),
  notSelected('mentor'),
  notSelected('mentee'),
  template('mentor-choices-invitation', 'Choose your mentors', [
    'Dear {{name}},',
    'It is time to choose your mentor. Whether or not you could come to the launch event, the form below shows each mentor: their library service, their role, the areas they can help with and a few words of their own. Please choose three you would like to work with, in order of preference, by {{choicesDeadline}}:\n{{formUrl}}',
    'The link is yours alone: please do not forward it. We will use your choices, together with the needs in your application, to match you with a mentor, and let you know who it is by email.',
    QUESTIONS,
  ]),
  template('pair-announcement-mentee', 'Meet your mentor', [
    'Dear {{name}},',
    '{{intro}} {{otherName}} of {{otherLibraryService}}. You can reach them at {{otherEmail}}.',
    'Areas you both listed: {{sharedAreas}}.',
    'Please get in touch with your mentor to arrange your first meeting; you can decide together whether to meet online or in person. {{support}}',
    '{{resources}}',
    'Your dates for the rest of the programme:\n{{dates}}',
  ]),
  template('pair-announcement-mentor', 'Meet your mentee', [
    'Dear {{name}},',
    '{{intro}} {{otherName}} of {{otherLibraryService}}. You can reach them at {{otherEmail}}.',
    'Areas you both listed: {{sharedAreas}}.',
    'Your mentee will get in touch to arrange your first meeting. {{support}}',
    '{{resources}}',
    'Your dates for the rest of the programme:\n{{dates}}',
  ]),
  template('pair-correction', 'A correction to your mentoring pair', [
    'Dear {{name}},',
    'I am sorry: our earlier email about your mentoring pair was not right. Your {{otherRole}} is {{otherName}} of {{otherLibraryService}}, who you can reach at {{otherEmail}}.',
    'Areas you both listed: {{sharedAreas}}.',
    'Please disregard the earlier email. ' + QUESTIONS,
  ]),
  template('pair-cancelled', 'A change to your mentoring pair', [
    'Dear {{name}},',
    'I am sorry: our earlier email introduced {{otherName}} of {{otherLibraryService}} as your {{otherRole}}, but the pairing has had to change and {{otherName}} will now work with someone else.',
    'You do not need to do anything. If you have been given a new pair, you will receive a separate email about them. ' +
      QUESTIONS,
  ]),
  pairEnded('mentee'),
  pairEnded('mentor'),
  template('mentor-no-mentee', 'Your place as a mentor', [
    'Dear {{name}},',
    'Thank you for offering to be a mentor on the {{programmeName}}. This time the mentees’ choices and needs have led us to pair them with other mentors, so we have not been able to give you a mentee.',
    'You are still part of the programme and very welcome at every event and drop-in. If a mentee needs a new mentor during the year, we may ask whether you could help. ' +
      QUESTIONS,
  ]),
  template('application-change-notice', 'We received an updated application', [
    'Dear {{name}},',
    'We have received an updated application to be a {{role}} on the {{programmeName}} from this email address. It replaces the answers sent before.',
    'If this was not you, please tell {{coordinatorName}} at {{coordinatorEmail}} straight away.',
  ]),
  template('application-change-held', 'We received a change to your application', [
    'Dear {{name}},',
    'We have received a change to your application to be a {{role}} on the {{programmeName}} from this email address. As {{reason}}, your application has not been changed: {{coordinatorName}} will look at the change and be in touch if anything is needed.',
    'If this was not you, please tell {{coordinatorName}} at {{coordinatorEmail}}.',
  ]),
  template('check-in', 'How is your mentoring going?', [
    'Dear {{name}},',
    'It is time for a short check-in on your mentoring with {{otherName}}: four questions, two minutes. Your answers reach only the scheme’s coordinator; if you ask for a one-to-one with the coach, we pass on your name and address.',
    '{{checkInUrl}}',
    'The link is yours alone. {{support}}',
  ]),
  template('pair-nudge', 'Have you been able to meet?', [
    'Dear {{name}},',
    'We have not yet heard that you and {{otherName}} have been able to meet. Diaries fill up quickly: could you get in touch with each other this week to find a time? You can reach {{otherName}} at {{otherEmail}}.',
    'If something is getting in the way, just reply to this email: we are here to help. {{support}}',
  ]),
  template('coach-request', 'A one-to-one request from the mentoring scheme', [
    'Dear {{coachName}},',
    '{{requester}} ({{requesterRole}}, {{requesterLibraryService}}) asked in their check-in for a one-to-one with you. You can reach them at {{requesterEmail}}.',
    '{{requesterNote}}',
  ]),
  template('continuation-question', 'Will you keep meeting after November?', [
    'Dear {{name}},',
    'The {{programmeName}} comes to an end in November. You and {{otherName}} are very welcome to keep meeting afterwards, if you both would like to: please tell us by answering one question:',
    '{{continueUrl}}',
    'Only the coordinator sees your answer. If you both say yes, our thank-you after the finale will tell you both. The link is yours alone.',
  ]),
  template(
    'finale-thanks',
    'Thank you for taking part',
    // No {{support}}: it offers help "if things go wrong between you", which reads oddly once the
    // pairs' part of the scheme has ended and to someone with no pair. The coach alone, though: the
    // scheme offers one-to-ones with the coach from July to December, past the finale.
    ['Dear {{name}},', 'Thank you for being part of the {{programmeName}}. {{whatNext}}', '{{coachSupport}}'],
  ),
  template('evaluation-invitation', 'Help us evaluate the mentoring scheme', [
    'Dear {{name}},',
    'When you applied you said you would be happy to help evaluate the {{programmeName}}. The independent evaluation helps us understand what the scheme changed and how to make it better for future cohorts. Taking part is voluntary: if you would rather not, there is nothing to do.',
    'The survey takes about ten minutes:\n{{surveyUrl}}',
  ]),
  withoutSignOff('coordinator-alert', 'Cohort needs your attention: {{action}}', [
    'Hello {{coordinatorName}},',
    'Something went wrong while Cohort was running "{{action}}" at {{when}}:\n{{error}}',
    'Nothing has been lost. Open the spreadsheet to check, then run the action again from the Mentoring menu:\n{{sheetUrl}}',
  ]),
  withoutSignOff('retention-reminder', 'Time to erase the mentoring scheme’s personal data', [
    'Hello {{coordinatorName}},',
    'The {{programmeName}} ended on {{endDate}}, and the personal data it holds was to be kept for {{retentionMonths}} months: that time is up on {{eraseFrom}}.',
    'To erase it, open the spreadsheet and choose Mentoring → Close the programme:\n{{sheetUrl}}',
  ]),
]);
