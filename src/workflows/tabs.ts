import { DEFAULT_TEMPLATES } from '../domain/default-templates';
import { AUDIENCES, PROGRAMME_2025 } from '../domain/scheme';
import { settingsRows } from '../domain/settings';
import { STATUSES } from '../domain/status';
import type { TabSpec } from '../ports';

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
  checkIns: 'CheckIns',
  attention: 'Attention',
} as const;

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
  columns: [
    {
      header: APPLICANT.id,
      kind: 'text',
      required: true,
      note: 'Stable reference, e.g. MR-004 (mentor) or ME-012 (mentee).',
    },
    { header: APPLICANT.role, kind: 'text', required: true },
    { header: APPLICANT.status, kind: 'text', required: true, choices: STATUSES },
    { header: APPLICANT.name, kind: 'text', required: true },
    { header: APPLICANT.email, kind: 'text', required: true },
    { header: APPLICANT.libraryService, kind: 'text' },
    { header: APPLICANT.nation, kind: 'text' },
    { header: APPLICANT.currentRole, kind: 'text' },
    { header: APPLICANT.responsibility, kind: 'text' },
    { header: APPLICANT.areas, kind: 'text' },
    { header: APPLICANT.otherArea, kind: 'text' },
    { header: APPLICANT.capacity, kind: 'number' },
    { header: APPLICANT.statement, kind: 'text' },
    { header: APPLICANT.consentData, kind: 'text' },
    { header: APPLICANT.consentEvaluation, kind: 'text' },
    { header: APPLICANT.problems, kind: 'text' },
    { header: APPLICANT.submittedAt, kind: 'date' },
    { header: APPLICANT.firstSubmitted, kind: 'date' },
    { header: APPLICANT.submissions, kind: 'number' },
    { header: APPLICANT.history, kind: 'text' },
    { header: APPLICANT.notes, kind: 'text' },
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
  columns: [
    {
      header: OUTBOX.key,
      kind: 'text',
      required: true,
      note: 'template:person[:detail]: one email per key, ever.',
    },
    { header: OUTBOX.to, kind: 'text', required: true },
    { header: OUTBOX.name, kind: 'text' },
    { header: OUTBOX.template, kind: 'text' },
    { header: OUTBOX.subject, kind: 'text', required: true },
    { header: OUTBOX.body, kind: 'text', required: true },
    { header: OUTBOX.status, kind: 'text', required: true, choices: OUTBOX_STATUSES },
    { header: OUTBOX.attempts, kind: 'number' },
    { header: OUTBOX.queuedAt, kind: 'date' },
    { header: OUTBOX.sentAt, kind: 'date' },
    { header: OUTBOX.error, kind: 'text' },
    {
      header: OUTBOX.links,
      kind: 'text',
      note: 'Filled by Cohort: the only links the email makes clickable (its own forms, Meet, the template’s).',
    },
    {
      header: OUTBOX.check,
      kind: 'text',
      note: 'Filled by Cohort: the To address may not change once queued.',
    },
  ],
};

export const LOG = { time: 'Time', level: 'Level', action: 'Action', message: 'Message' } as const;

export const logTab: TabSpec = {
  name: TAB.log,
  columns: [
    { header: LOG.time, kind: 'date' },
    { header: LOG.level, kind: 'text', choices: ['info', 'warning', 'error'] },
    { header: LOG.action, kind: 'text' },
    { header: LOG.message, kind: 'text' },
  ],
};

export const SETTING = { key: 'Key', label: 'Setting', value: 'Value', note: 'Note' } as const;

export const settingsTab: TabSpec = {
  name: TAB.settings,
  columns: [
    { header: SETTING.key, kind: 'text', required: true, note: 'The name Cohort reads: do not change it.' },
    { header: SETTING.label, kind: 'text' },
    { header: SETTING.value, kind: 'text', required: true },
    { header: SETTING.note, kind: 'text' },
  ],
  seed: settingsRows().map((r) => ({
    [SETTING.key]: r.key,
    [SETTING.label]: r.label,
    [SETTING.value]: r.value,
    [SETTING.note]: r.note,
  })),
};

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
  columns: [
    {
      header: PROGRAMME.key,
      kind: 'text',
      required: true,
      note: 'A short unique name for the date; keep it once invitations are sent.',
    },
    { header: PROGRAMME.title, kind: 'text', required: true },
    { header: PROGRAMME.date, kind: 'text', required: true, note: 'YYYY-MM-DD' },
    {
      header: PROGRAMME.start,
      kind: 'text',
      note: 'HH:mm, wall-clock time; empty for a whole-day milestone',
    },
    { header: PROGRAMME.end, kind: 'text' },
    { header: PROGRAMME.timeZone, kind: 'text' },
    { header: PROGRAMME.audience, kind: 'text', choices: AUDIENCES },
    { header: PROGRAMME.description, kind: 'text' },
    {
      header: PROGRAMME.coach,
      kind: 'text',
      choices: ['yes', 'no'],
      note: 'yes: the professional coach (Settings) is invited to this date',
    },
    { header: PROGRAMME.eventId, kind: 'text', note: 'Filled by Cohort' },
    { header: PROGRAMME.meetLink, kind: 'text', note: 'Filled by Cohort' },
    {
      header: PROGRAMME.invitations,
      kind: 'text',
      note: 'Filled by Cohort: who has this date in their calendar',
    },
    { header: PROGRAMME.lastSynced, kind: 'date', note: 'Filled by Cohort' },
    { header: PROGRAMME.problems, kind: 'text', note: 'Filled by Cohort' },
  ],
  seed: PROGRAMME_2025.map((p) => ({
    [PROGRAMME.key]: p.key,
    [PROGRAMME.title]: p.title,
    [PROGRAMME.date]: p.date,
    [PROGRAMME.start]: p.start,
    [PROGRAMME.end]: p.end,
    [PROGRAMME.timeZone]: p.timeZone,
    [PROGRAMME.audience]: p.audience,
    [PROGRAMME.description]: p.description,
    [PROGRAMME.coach]: p.coach ? 'yes' : '',
  })),
};

export const TEMPLATE = {
  key: 'Key',
  subject: 'Subject',
  body: 'Body',
  placeholders: 'Placeholders you can use',
} as const;

export const templatesTab: TabSpec = {
  name: TAB.templates,
  columns: [
    { header: TEMPLATE.key, kind: 'text', required: true, note: 'Which email this is: do not change it.' },
    { header: TEMPLATE.subject, kind: 'text', required: true },
    { header: TEMPLATE.body, kind: 'text', required: true },
    { header: TEMPLATE.placeholders, kind: 'text' },
  ],
  seed: DEFAULT_TEMPLATES.map((t) => templateRow(t)),
};

export function templateRow(t: (typeof DEFAULT_TEMPLATES)[number]) {
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
  columns: [
    { header: FORMS.form, kind: 'text' },
    { header: FORMS.link, kind: 'text' },
    { header: FORMS.edit, kind: 'text' },
    { header: FORMS.responses, kind: 'text' },
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
  columns: [
    { header: CHOICE.email, kind: 'text', required: true },
    { header: CHOICE.menteeId, kind: 'text', required: true },
    { header: CHOICE.mentee, kind: 'text' },
    { header: CHOICE.first, kind: 'text', note: 'Mentor name (ID)' },
    { header: CHOICE.second, kind: 'text' },
    { header: CHOICE.third, kind: 'text' },
    { header: CHOICE.note, kind: 'text' },
    {
      header: CHOICE.status,
      kind: 'text',
      choices: CHOICE_STATUSES,
      note: 'Needs review: not sent from the mentee’s personal link. Set Accept to use these choices, Reject to ignore them.',
    },
    { header: CHOICE.problems, kind: 'text' },
    { header: CHOICE.submittedAt, kind: 'date' },
    { header: CHOICE.submissions, kind: 'number' },
    { header: CHOICE.history, kind: 'text' },
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
  columns: [
    { header: MATCH.menteeId, kind: 'text', required: true },
    { header: MATCH.mentee, kind: 'text' },
    { header: MATCH.mentorId, kind: 'text', required: true },
    { header: MATCH.mentor, kind: 'text' },
    { header: MATCH.choiceRank, kind: 'text' },
    { header: MATCH.sharedAreas, kind: 'text' },
    { header: MATCH.reason, kind: 'text' },
    {
      header: MATCH.status,
      kind: 'text',
      required: true,
      choices: MATCH_STATUSES,
      note: 'Locked: keep this pair. Excluded: never pair these two. Announced pairs are never moved. Ended: say why in "Why it ended".',
    },
    { header: MATCH.announced, kind: 'date', note: 'Filled by Announce pairs' },
    {
      header: MATCH.ended,
      kind: 'text',
      note: 'withdrawn, ended early, …: the pair is over; the mentee can be matched again',
    },
    { header: MATCH.notes, kind: 'text' },
    {
      header: MATCH.menteeContinues,
      kind: 'text',
      note: 'Filled by Cohort: the mentee’s answer to the continuation question',
    },
    { header: MATCH.mentorContinues, kind: 'text', note: 'Filled by Cohort: the mentor’s answer' },
    {
      header: MATCH.continues,
      kind: 'text',
      note: 'Filled by Cohort: Yes only when both said yes; the finale thank-you says so',
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
  columns: [
    { header: CHANGE.received, kind: 'date' },
    { header: CHANGE.id, kind: 'text', required: true },
    { header: CHANGE.name, kind: 'text' },
    { header: CHANGE.role, kind: 'text' },
    { header: CHANGE.email, kind: 'text' },
    { header: CHANGE.what, kind: 'text' },
    { header: CHANGE.count, kind: 'number' },
    { header: CHANGE.tab, kind: 'text', note: 'Filled by Cohort: where the change is, in full.' },
    { header: CHANGE.row, kind: 'number' },
    {
      header: CHANGE.status,
      kind: 'text',
      required: true,
      choices: CHANGE_STATUSES,
      note: 'Set Accept or Reject, then run Check applications.',
    },
    { header: CHANGE.notes, kind: 'text' },
  ],
};
