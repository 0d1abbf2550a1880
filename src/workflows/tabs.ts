import type { Prose } from '../domain/prose';
import { AUDIENCES } from '../domain/scheme';
import { settingsRows } from '../domain/settings';
import { STATUSES } from '../domain/status';
import type { Template } from '../domain/templates';
import type { RowValues, TabSpec } from '../ports';

/**
 * The tabs Cohort keeps, addressed by header name. Set-up creates them; a missing column is added
 * at the right; the coordinator may reorder, hide or add columns freely.
 */
export const TAB = {
  settings: 'Settings',
  programme: 'Programme',
  templates: 'Templates',
  applicants: 'Applicants',
  choices: 'Choices',
  matches: 'Matches',
  outbox: 'Outbox',
  log: 'Log',
  forms: 'Forms',
  changes: 'Changes',
  launch: 'Launch',
  checkIns: 'CheckIns',
  attention: 'Attention',
} as const;

/**
 * The order of the tabs, the scheme's: what the coordinator sets up (Settings, Programme), takes in
 * and decides on (Applicants, then Changes to applications), matches (Choices, Matches), keeps in
 * touch with the pairs (CheckIns, and Attention: what needs the coordinator), and sends (Outbox, with
 * the Templates it is written from); then what they look things up in (Forms, Log).
 * The forms' response tabs, Google's raw copies, go after all of them.
 */
export const TAB_ORDER: readonly string[] = [
  TAB.settings,
  TAB.programme,
  TAB.applicants,
  TAB.changes,
  TAB.launch,
  TAB.choices,
  TAB.matches,
  TAB.checkIns,
  TAB.attention,
  TAB.outbox,
  TAB.templates,
  TAB.forms,
  TAB.log,
];

/** The tabs before `tab` in TAB_ORDER, nearest first (TabSpec.after). */
export function before(tab: string): readonly string[] {
  return TAB_ORDER.slice(0, TAB_ORDER.indexOf(tab)).reverse();
}

export const APPLICANT = {
  id: 'ID',
  role: 'Role',
  status: 'Status',
  name: 'Name',
  email: 'Email',
  libraryService: 'Library service',
  nation: 'Nation',
  currentRole: 'Current role',
  responsibility: 'Responsibility',
  areas: 'Areas',
  otherArea: 'Other area',
  capacity: 'Capacity',
  statement: 'Statement',
  consentData: 'Consent to data use',
  consentEvaluation: 'Consent to evaluation',
  problems: 'Problems',
  submittedAt: 'Last submitted',
  firstSubmitted: 'First submitted',
  submissions: 'Submissions',
  history: 'Submission history',
  notes: 'Coordinator notes',
} as const;

export const applicantsTab: TabSpec = {
  name: TAB.applicants,
  after: before(TAB.applicants),
  columns: [
    {
      header: APPLICANT.id,
      width: 60,
      required: true,
    },
    { header: APPLICANT.role, width: 60, required: true },
    { header: APPLICANT.status, width: 90, required: true, choices: STATUSES },
    { header: APPLICANT.name, width: 140, required: true },
    { header: APPLICANT.email, width: 190, required: true },
    { header: APPLICANT.libraryService, width: 150, wrap: true },
    { header: APPLICANT.nation, width: 70 },
    { header: APPLICANT.currentRole, width: 130, wrap: true },
    { header: APPLICANT.responsibility, width: 130, wrap: true },
    { header: APPLICANT.areas, width: 170, wrap: true },
    { header: APPLICANT.otherArea, width: 110, wrap: true },
    { header: APPLICANT.capacity, width: 70, kind: 'number' },
    { header: APPLICANT.statement, width: 280, wrap: true },
    { header: APPLICANT.consentData, width: 70 },
    { header: APPLICANT.consentEvaluation, width: 80, wrap: true },
    { header: APPLICANT.problems, width: 220, wrap: true },
    { header: APPLICANT.submittedAt, kind: 'date' },
    { header: APPLICANT.firstSubmitted, kind: 'date' },
    { header: APPLICANT.submissions, width: 90, kind: 'number' },
    { header: APPLICANT.history, width: 200, wrap: true },
    { header: APPLICANT.notes, width: 160, wrap: true },
  ],
};

export const OUTBOX = {
  key: 'Key',
  to: 'To',
  name: 'Name',
  template: 'Template',
  subject: 'Subject',
  body: 'Body',
  status: 'Status',
  attempts: 'Attempts',
  queuedAt: 'Queued at',
  sentAt: 'Sent at',
  error: 'Error',
  /** Links the email may make clickable: the template's own and Cohort's (never a person's words). */
  links: 'Links',
  /** A short hash of the key and To at queue time: a To edited afterwards is not sent to. */
  check: 'Check',
} as const;

export const OUTBOX_STATUSES = ['queued', 'sent', 'failed', 'skipped', 'preview', 'unconfirmed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const outboxTab: TabSpec = {
  name: TAB.outbox,
  after: before(TAB.outbox),
  columns: [
    {
      header: OUTBOX.key,
      width: 140,
      required: true,
    },
    { header: OUTBOX.to, width: 190, required: true },
    { header: OUTBOX.name, width: 140 },
    { header: OUTBOX.template, width: 150 },
    { header: OUTBOX.subject, width: 220, wrap: true, required: true },
    { header: OUTBOX.body, width: 380, wrap: true, required: true },
    { header: OUTBOX.status, width: 80, required: true, choices: OUTBOX_STATUSES },
    { header: OUTBOX.attempts, kind: 'number' },
    { header: OUTBOX.queuedAt, kind: 'date' },
    { header: OUTBOX.sentAt, kind: 'date' },
    { header: OUTBOX.error, width: 200, wrap: true },
    {
      header: OUTBOX.links,
      hidden: true,
    },
    {
      header: OUTBOX.check,
      hidden: true,
    },
  ],
};

export const LOG = { time: 'Time', level: 'Level', action: 'Action', message: 'Message' } as const;

export const logTab: TabSpec = {
  name: TAB.log,
  after: before(TAB.log),
  columns: [
    { header: LOG.time, kind: 'date' },
    { header: LOG.level, width: 70, choices: ['info', 'warning', 'error'] },
    { header: LOG.action, width: 170 },
    { header: LOG.message, width: 600, wrap: true },
  ],
};

export const SETTING = { key: 'Key', label: 'Setting', value: 'Value', note: 'Note' } as const;

export const settingsTab: TabSpec = {
  name: TAB.settings,
  after: before(TAB.settings),
  columns: [
    {
      header: SETTING.key,
      width: 170,
      required: true,
    },
    { header: SETTING.label, width: 280, wrap: true },
    { header: SETTING.value, width: 280, wrap: true, required: true },
    { header: SETTING.note, width: 420, wrap: true },
  ],
};

/** The Settings tab's rows as Set up programme first writes them. */
export function settingsSeed(prose: Prose): RowValues[] {
  return settingsRows(prose).map((r) => ({
    [SETTING.key]: r.key,
    [SETTING.label]: r.label,
    [SETTING.value]: r.value,
    [SETTING.note]: r.note,
  }));
}

export const PROGRAMME = {
  key: 'Key',
  title: 'Title',
  date: 'Date',
  start: 'Start',
  end: 'End',
  timeZone: 'Time zone',
  audience: 'Audience',
  description: 'Description',
  coach: 'Coach',
  eventId: 'Event ID',
  meetLink: 'Meet link',
  invitations: 'Invitations',
  lastSynced: 'Last synced',
  problems: 'Problems',
} as const;

export const programmeTab: TabSpec = {
  name: TAB.programme,
  after: before(TAB.programme),
  columns: [
    {
      header: PROGRAMME.key,
      required: true,
    },
    { header: PROGRAMME.title, width: 240, wrap: true, required: true },
    { header: PROGRAMME.date, width: 90, required: true },
    {
      header: PROGRAMME.start,
      width: 60,
    },
    { header: PROGRAMME.end, width: 60 },
    { header: PROGRAMME.timeZone, width: 120 },
    { header: PROGRAMME.audience, width: 130, choices: AUDIENCES },
    { header: PROGRAMME.description, width: 320, wrap: true },
    {
      header: PROGRAMME.coach,
      width: 60,
      choices: ['yes', 'no'],
    },
    { header: PROGRAMME.eventId, hidden: true },
    { header: PROGRAMME.meetLink, width: 240 },
    {
      header: PROGRAMME.invitations,
      width: 200,
      wrap: true,
    },
    { header: PROGRAMME.lastSynced, kind: 'date' },
    { header: PROGRAMME.problems, width: 240, wrap: true },
  ],
};

/** The Programme tab's rows as Set up programme first writes them: the scheme's dates. */
export function programmeSeed(prose: Prose): RowValues[] {
  return prose.programme.map((p) => ({
    [PROGRAMME.key]: p.key,
    [PROGRAMME.title]: p.title,
    [PROGRAMME.date]: p.date,
    [PROGRAMME.start]: p.start,
    [PROGRAMME.end]: p.end,
    [PROGRAMME.timeZone]: p.timeZone,
    [PROGRAMME.audience]: p.audience,
    [PROGRAMME.description]: p.description,
    [PROGRAMME.coach]: p.coach ? 'yes' : '',
  }));
}

export const TEMPLATE = {
  key: 'Key',
  subject: 'Subject',
  body: 'Body',
  placeholders: 'Placeholders you can use',
} as const;

export const templatesTab: TabSpec = {
  name: TAB.templates,
  after: before(TAB.templates),
  columns: [
    {
      header: TEMPLATE.key,
      width: 200,
      required: true,
    },
    { header: TEMPLATE.subject, width: 280, wrap: true, required: true },
    { header: TEMPLATE.body, width: 520, wrap: true, required: true },
    { header: TEMPLATE.placeholders, width: 260, wrap: true },
  ],
};

/**
 * The tabs Set up programme writes rows into when it creates them, each with those rows: they come
 * from the prose, read only when a tab is set up.
 */
export function seeded(
  prose: Prose,
  templates: readonly Template[],
): readonly [settings: TabSpec, programme: TabSpec, templates: TabSpec] {
  return [
    { ...settingsTab, seed: settingsSeed(prose) },
    { ...programmeTab, seed: programmeSeed(prose) },
    { ...templatesTab, seed: templates.map(templateRow) },
  ];
}

export function templateRow(t: Template): Record<(typeof TEMPLATE)[keyof typeof TEMPLATE], string> {
  return {
    [TEMPLATE.key]: t.key,
    [TEMPLATE.subject]: t.subject,
    [TEMPLATE.body]: t.body,
    [TEMPLATE.placeholders]: t.placeholders.map((p) => `{{${p}}}`).join(' '),
  };
}

export const FORMS = {
  form: 'Form',
  link: 'Link to share',
  edit: 'Edit link',
  responses: 'Responses tab',
} as const;

export const formsTab: TabSpec = {
  name: TAB.forms,
  after: before(TAB.forms),
  columns: [
    { header: FORMS.form, width: 170 },
    { header: FORMS.link, width: 420, wrap: true },
    { header: FORMS.edit, width: 380, wrap: true },
    { header: FORMS.responses, width: 150 },
  ],
};

export const CHOICE = {
  email: 'Mentee email',
  menteeId: 'Mentee ID',
  mentee: 'Mentee',
  first: '1st choice',
  second: '2nd choice',
  third: '3rd choice',
  note: 'Note',
  status: 'Status',
  problems: 'Problems',
  submittedAt: 'Last submitted',
  submissions: 'Submissions',
  history: 'Submission history',
} as const;

/**
 * Valid: sent from the mentee's personal link. Needs review: no personal code, or someone else's:
 * never used until the coordinator sets Accept (then it counts as the mentee's choices) or Reject.
 */
export const CHOICE_STATUSES = ['Valid', 'Needs review', 'Accept', 'Reject'] as const;

export const CHOICE_COLUMNS = [CHOICE.first, CHOICE.second, CHOICE.third] as const;

export const choicesTab: TabSpec = {
  name: TAB.choices,
  after: before(TAB.choices),
  columns: [
    { header: CHOICE.email, width: 210, required: true },
    { header: CHOICE.menteeId, width: 80, required: true },
    { header: CHOICE.mentee },
    { header: CHOICE.first, width: 180 },
    { header: CHOICE.second, width: 180 },
    { header: CHOICE.third, width: 180 },
    { header: CHOICE.note, width: 200, wrap: true },
    {
      header: CHOICE.status,
      width: 110,
      choices: CHOICE_STATUSES,
    },
    { header: CHOICE.problems, width: 240, wrap: true },
    { header: CHOICE.submittedAt, kind: 'date' },
    { header: CHOICE.submissions, kind: 'number' },
    { header: CHOICE.history, width: 240, wrap: true },
  ],
};

export const MATCH = {
  menteeId: 'Mentee ID',
  mentee: 'Mentee',
  mentorId: 'Mentor ID',
  mentor: 'Mentor',
  choiceRank: 'Choice rank',
  sharedAreas: 'Shared areas',
  reason: 'Reason',
  status: 'Status',
  announced: 'Announced on',
  ended: 'Why it ended',
  notes: 'Coordinator notes',
  menteeContinues: 'Mentee continues',
  mentorContinues: 'Mentor continues',
  continues: 'Continues after November',
} as const;

/**
 * Proposed: what matching suggests (it may change). Locked: keep this pair. Excluded: never pair
 * these two. Announced: introduced (Announce pairs sets it): never moved by matching. Ended: the
 * pair is over (a withdrawal, or the coordinator ended it: say why). Unmatched / No mentee: a mentee
 * or a mentor matching could not place, with the reason.
 */
export const MATCH_STATUSES = [
  'Proposed',
  'Locked',
  'Excluded',
  'Announced',
  'Ended',
  'Unmatched',
  'No mentee',
] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export const matchesTab: TabSpec = {
  name: TAB.matches,
  after: before(TAB.matches),
  columns: [
    { header: MATCH.menteeId, width: 80, required: true },
    { header: MATCH.mentee },
    { header: MATCH.mentorId, width: 80, required: true },
    { header: MATCH.mentor, width: 180, wrap: true },
    { header: MATCH.choiceRank, width: 90 },
    { header: MATCH.sharedAreas, width: 200, wrap: true },
    { header: MATCH.reason, width: 360, wrap: true },
    {
      header: MATCH.status,
      width: 100,
      required: true,
      choices: MATCH_STATUSES,
    },
    { header: MATCH.announced, kind: 'date' },
    {
      header: MATCH.ended,
    },
    { header: MATCH.notes, width: 200, wrap: true },
    {
      header: MATCH.menteeContinues,
      width: 90,
    },
    { header: MATCH.mentorContinues, width: 90 },
    {
      header: MATCH.continues,
      width: 90,
    },
  ],
};

export const CHANGE = {
  received: 'Received',
  id: 'ID',
  name: 'Name',
  role: 'Role',
  email: 'Email',
  what: 'What would change',
  count: 'Changes received',
  tab: 'Response tab',
  row: 'Response row',
  status: 'Status',
  notes: 'Coordinator notes',
} as const;

/** Accept / Reject are the coordinator's; Check applications carries them out. */
export const CHANGE_STATUSES = ['Waiting for review', 'Accept', 'Reject', 'Accepted', 'Rejected'] as const;

/**
 * Changes to an application sent after a decision or after the deadline: they never overwrite the
 * person's row; the coordinator accepts or rejects each (one waiting row per person).
 */
export const changesTab: TabSpec = {
  name: TAB.changes,
  after: before(TAB.changes),
  columns: [
    { header: CHANGE.received, kind: 'date' },
    { header: CHANGE.id, width: 80, required: true },
    { header: CHANGE.name },
    { header: CHANGE.role, width: 80 },
    { header: CHANGE.email, width: 210 },
    { header: CHANGE.what, width: 360, wrap: true },
    { header: CHANGE.count, width: 100, kind: 'number' },
    { header: CHANGE.tab, width: 150 },
    { header: CHANGE.row, width: 100, kind: 'number' },
    {
      header: CHANGE.status,
      width: 140,
      required: true,
      choices: CHANGE_STATUSES,
    },
    { header: CHANGE.notes, width: 200, wrap: true },
  ],
};

export const LAUNCH = {
  order: 'Order',
  mentorId: 'Mentor ID',
  mentor: 'Mentor',
  libraryService: 'Library service',
  minutes: 'Minutes',
  notes: 'Notes',
} as const;

/**
 * The running order of the mentors' two-minute talks at the launch: the coordinator reorders it by
 * changing the Order numbers. The choices form lists the mentors in this order too.
 */
export const launchTab: TabSpec = {
  name: TAB.launch,
  after: before(TAB.launch),
  columns: [
    {
      header: LAUNCH.order,
      width: 60,
      kind: 'number',
    },
    { header: LAUNCH.mentorId, width: 80, required: true },
    { header: LAUNCH.mentor, width: 180 },
    { header: LAUNCH.libraryService, width: 200 },
    { header: LAUNCH.minutes, width: 70, kind: 'number' },
    { header: LAUNCH.notes, width: 280, wrap: true },
  ],
};
