/**
 * The emails Cohort sends, as the coordinator first sees them in the Templates tab. Warm, short,
 * British English. `{{dates}}` is the list of programme dates that concern the reader (see
 * `programmeDatesText`); `{{sharedAreas}}` is the areas both people ticked, or words saying none.
 */
import type { DecisionStatus, Role } from './status';
import type { Template } from './templates';

const COMMON = ['name', 'programmeName', 'coordinatorName', 'coordinatorEmail'] as const;
const OTHER_PERSON = ['otherName', 'otherEmail', 'otherLibraryService', 'sharedAreas'] as const;
const SIGN_OFF = 'Best wishes,\n{{coordinatorName}}\n{{programmeName}}';

function template(
  key: string,
  subject: string,
  paragraphs: string[],
  extra: readonly string[] = [],
): Template {
  return { key, subject, body: [...paragraphs, SIGN_OFF].join('\n\n'), placeholders: [...COMMON, ...extra] };
}

const QUESTIONS = 'If you have any questions, just reply to this email or write to {{coordinatorEmail}}.';

export const DEFAULT_TEMPLATES: readonly Template[] = [
  template(
    'acknowledgement-mentor',
    'Thank you for applying to be a mentor',
    [
      'Dear {{name}},',
      'Thank you for applying to be a mentor on the {{programmeName}}. We have received your application.',
      'We will let you know by email whether you have a place. In the meantime, please keep these dates free (all online):\n{{dates}}',
      QUESTIONS,
    ],
    ['dates'],
  ),
  template(
    'acknowledgement-mentee',
    'Thank you for applying to be a mentee',
    [
      'Dear {{name}},',
      'Thank you for applying to be a mentee on the {{programmeName}}. We have received your application.',
      'We will let you know by email whether you have a place. In the meantime, please keep these dates free (all online):\n{{dates}}',
      QUESTIONS,
    ],
    ['dates'],
  ),
  template(
    'decision-mentor-selected',
    'You have a place as a mentor',
    [
      'Dear {{name}},',
      'I am delighted to let you know that you have a place as a mentor on the {{programmeName}}.',
      'At the launch event you will have two minutes to tell the mentees about your experience and a little about yourself. Calendar invitations will follow for these dates:\n{{dates}}',
      QUESTIONS,
    ],
    ['dates'],
  ),
  template(
    'decision-mentee-selected',
    'You have a place as a mentee',
    [
      'Dear {{name}},',
      'I am delighted to let you know that you have a place as a mentee on the {{programmeName}}.',
      'At the launch event you will meet the mentors. Afterwards we will send you a short form to choose three mentors you would like to work with. Calendar invitations will follow for these dates:\n{{dates}}',
      QUESTIONS,
    ],
    ['dates'],
  ),
  template('decision-mentor-waitlisted', 'Your application to be a mentor', [
    'Dear {{name}},',
    'Thank you for applying to be a mentor on the {{programmeName}}. We had more applications than places, so we have put you on our waiting list.',
    'If a place becomes free we will be in touch straight away. ' + QUESTIONS,
  ]),
  template('decision-mentee-waitlisted', 'Your application to be a mentee', [
    'Dear {{name}},',
    'Thank you for applying to be a mentee on the {{programmeName}}. We had more applications than places, so we have put you on our waiting list.',
    'If a place becomes free we will be in touch straight away. ' + QUESTIONS,
  ]),
  template('decision-mentor-not-selected', 'Your application to be a mentor', [
    'Dear {{name}},',
    'Thank you for applying to be a mentor on the {{programmeName}}. We had many more applications than places and, I am sorry to say, we are not able to offer you a place this time.',
    'We are very grateful for your offer of support and hope you will apply again for a future cohort. ' +
      QUESTIONS,
  ]),
  template('decision-mentee-not-selected', 'Your application to be a mentee', [
    'Dear {{name}},',
    'Thank you for applying to be a mentee on the {{programmeName}}. We had many more applications than places and, I am sorry to say, we are not able to offer you a place this time.',
    'We hope you will apply again for a future cohort. ' + QUESTIONS,
  ]),
  template(
    'mentor-choices-invitation',
    'Choose your mentors',
    [
      'Dear {{name}},',
      'Thank you for coming to the launch event. Now that you have met the mentors, please choose three you would like to work with, in order of preference:\n{{formUrl}}',
      'We will use your choices, together with the needs in your application, to match you with a mentor, and let you know who it is by email.',
    ],
    ['formUrl'],
  ),
  template(
    'pair-announcement-mentee',
    'Meet your mentor',
    [
      'Dear {{name}},',
      'I am pleased to introduce your mentor, {{otherName}} of {{otherLibraryService}}. You can reach them at {{otherEmail}}.',
      'Areas you both listed: {{sharedAreas}}.',
      'Please get in touch with your mentor to arrange your first meeting; you can decide together whether to meet online or in person. Your dates for the rest of the programme:\n{{dates}}',
    ],
    [...OTHER_PERSON, 'dates'],
  ),
  template(
    'pair-announcement-mentor',
    'Meet your mentee',
    [
      'Dear {{name}},',
      'I am pleased to introduce your mentee, {{otherName}} of {{otherLibraryService}}. You can reach them at {{otherEmail}}.',
      'Areas you both listed: {{sharedAreas}}.',
      'Your mentee will get in touch to arrange your first meeting. Your dates for the rest of the programme:\n{{dates}}',
    ],
    [...OTHER_PERSON, 'dates'],
  ),
  template(
    'pair-correction',
    'A correction to your mentoring pair',
    [
      'Dear {{name}},',
      'I am sorry: our earlier email about your mentoring pair was not right. Your {{otherRole}} is {{otherName}} of {{otherLibraryService}}, who you can reach at {{otherEmail}}.',
      'Areas you both listed: {{sharedAreas}}.',
      'Please disregard the earlier email. ' + QUESTIONS,
    ],
    [...OTHER_PERSON, 'otherRole'],
  ),
  template(
    'pair-cancelled',
    'A change to your mentoring pair',
    [
      'Dear {{name}},',
      'I am sorry: our earlier email introduced {{otherName}} of {{otherLibraryService}} as your {{otherRole}}, but the pairing has had to change and {{otherName}} will now work with someone else.',
      'You do not need to do anything. If you have been given a new pair, you will receive a separate email about them. ' +
        QUESTIONS,
    ],
    ['otherName', 'otherLibraryService', 'otherRole'],
  ),
  template(
    'application-change-notice',
    'We received an updated application',
    [
      'Dear {{name}},',
      'We have received an updated application to be a {{role}} on the {{programmeName}} from this email address. It replaces the answers sent before.',
      'If this was not you, please tell {{coordinatorName}} at {{coordinatorEmail}} straight away.',
    ],
    ['role'],
  ),
  template(
    'application-change-held',
    'We received a change to your application',
    [
      'Dear {{name}},',
      'We have received a change to your application to be a {{role}} on the {{programmeName}} from this email address. As {{reason}}, your application has not been changed: {{coordinatorName}} will look at the change and be in touch if anything is needed.',
      'If this was not you, please tell {{coordinatorName}} at {{coordinatorEmail}}.',
    ],
    ['role', 'reason'],
  ),
  {
    key: 'coordinator-alert',
    subject: 'Cohort needs your attention: {{action}}',
    body: [
      'Hello {{coordinatorName}},',
      'Something went wrong while Cohort was running "{{action}}" at {{when}}:\n{{error}}',
      'Nothing has been lost. Open the spreadsheet to check, then run the action again from the Mentoring menu:\n{{sheetUrl}}',
    ].join('\n\n'),
    placeholders: [
      'programmeName',
      'coordinatorName',
      'coordinatorEmail',
      'action',
      'when',
      'error',
      'sheetUrl',
    ],
  },
];

/** Allowed placeholders per template key: what `assertTemplatesUsable` checks an edited set against. */
export const ALLOWED_PLACEHOLDERS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  DEFAULT_TEMPLATES.map((t) => [t.key, t.placeholders]),
);

export const TEMPLATE_KEYS: readonly string[] = DEFAULT_TEMPLATES.map((t) => t.key);

const STATUS_SLUG: Readonly<Record<DecisionStatus, string>> = {
  Selected: 'selected',
  Waitlisted: 'waitlisted',
  'Not selected': 'not-selected',
};

export const acknowledgementKey = (role: Role) => `acknowledgement-${role}`;
export const decisionKey = (role: Role, status: DecisionStatus) => `decision-${role}-${STATUS_SLUG[status]}`;
export const pairAnnouncementKey = (role: Role) => `pair-announcement-${role}`;
