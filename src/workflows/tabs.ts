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
      note: 'Stable reference, e.g. MR-004 (mentor) or ME-012 (mentee).',
    },
    { header: APPLICANT.role, kind: 'text' },
    { header: APPLICANT.status, kind: 'text', choices: STATUSES },
    { header: APPLICANT.name, kind: 'text' },
    { header: APPLICANT.email, kind: 'text' },
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
} as const;

export const OUTBOX_STATUSES = ['queued', 'sent', 'failed', 'skipped', 'preview', 'unconfirmed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const outboxTab: TabSpec = {
  name: TAB.outbox,
  columns: [
    { header: OUTBOX.key, kind: 'text', note: 'template:person[:detail]: one email per key, ever.' },
    { header: OUTBOX.to, kind: 'text' },
    { header: OUTBOX.name, kind: 'text' },
    { header: OUTBOX.template, kind: 'text' },
    { header: OUTBOX.subject, kind: 'text' },
    { header: OUTBOX.body, kind: 'text' },
    { header: OUTBOX.status, kind: 'text', choices: OUTBOX_STATUSES },
    { header: OUTBOX.attempts, kind: 'number' },
    { header: OUTBOX.queuedAt, kind: 'date' },
    { header: OUTBOX.sentAt, kind: 'date' },
    { header: OUTBOX.error, kind: 'text' },
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
    { header: SETTING.key, kind: 'text', note: 'The name Cohort reads: do not change it.' },
    { header: SETTING.label, kind: 'text' },
    { header: SETTING.value, kind: 'text' },
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
      note: 'A short unique name for the date; keep it once invitations are sent.',
    },
    { header: PROGRAMME.title, kind: 'text' },
    { header: PROGRAMME.date, kind: 'text', note: 'YYYY-MM-DD' },
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
    { header: TEMPLATE.key, kind: 'text', note: 'Which email this is: do not change it.' },
    { header: TEMPLATE.subject, kind: 'text' },
    { header: TEMPLATE.body, kind: 'text' },
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
  problems: 'Problems',
  submittedAt: 'Last submitted',
  submissions: 'Submissions',
  history: 'Submission history',
} as const;

export const CHOICE_COLUMNS = [CHOICE.first, CHOICE.second, CHOICE.third] as const;

export const choicesTab: TabSpec = {
  name: TAB.choices,
  columns: [
    { header: CHOICE.email, kind: 'text' },
    { header: CHOICE.menteeId, kind: 'text' },
    { header: CHOICE.mentee, kind: 'text' },
    { header: CHOICE.first, kind: 'text', note: 'Mentor name (ID)' },
    { header: CHOICE.second, kind: 'text' },
    { header: CHOICE.third, kind: 'text' },
    { header: CHOICE.note, kind: 'text' },
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
  notes: 'Coordinator notes',
} as const;

export const MATCH_STATUSES = ['Proposed', 'Locked', 'Excluded', 'Unmatched'] as const;

export const matchesTab: TabSpec = {
  name: TAB.matches,
  columns: [
    { header: MATCH.menteeId, kind: 'text' },
    { header: MATCH.mentee, kind: 'text' },
    { header: MATCH.mentorId, kind: 'text' },
    { header: MATCH.mentor, kind: 'text' },
    { header: MATCH.choiceRank, kind: 'text' },
    { header: MATCH.sharedAreas, kind: 'text' },
    { header: MATCH.reason, kind: 'text' },
    {
      header: MATCH.status,
      kind: 'text',
      choices: MATCH_STATUSES,
      note: 'Locked: keep this pair. Excluded: never pair these two. Run matching keeps both.',
    },
    { header: MATCH.notes, kind: 'text' },
  ],
};
