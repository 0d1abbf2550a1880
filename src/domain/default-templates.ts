/**
 * The emails Cohort sends: their keys, in the Templates tab's order, and the placeholders each may
 * use (what `assertTemplatesUsable` checks an edited set against). Their words are prose, written
 * into the Templates tab by Set up programme (prose/templates.ts), so that Apps Script does not
 * parse them at every execution; `defaultTemplates` puts the two together.
 */
import type { Prose } from './prose';
import type { DecisionStatus, Role } from './status';
import type { Template } from './templates';

const COMMON = ['name', 'programmeName', 'coordinatorName', 'coordinatorEmail'] as const;
const OTHER_PERSON = ['otherName', 'otherEmail', 'otherLibraryService', 'sharedAreas'] as const;
const RESOURCES = [
  'handbookUrl',
  'videoUrl',
  'coachName',
  'coachEmail',
  'contactName',
  'contactEmail',
  'support',
  'coachSupport',
  'resources',
] as const;

const both = (key: (role: Role) => string, extra: readonly string[]) =>
  (['mentor', 'mentee'] as const).map((role) => [key(role), extra] as const);

/** Each participant email's own placeholders, besides COMMON and RESOURCES. */
const OWN: ReadonlyArray<readonly [key: string, extra: readonly string[]]> = [
  ...both((r) => `acknowledgement-${r}`, ['problemNote', 'datesNote', 'dates']),
  ...both((r) => `decision-${r}-selected`, ['dates', 'launchNote']),
  ...both((r) => `decision-${r}-waitlisted`, []),
  ...both((r) => `decision-${r}-not-selected`, ['reason']),
  ['mentor-choices-invitation', ['formUrl', 'choicesDeadline']],
  ['pair-announcement-mentee', [...OTHER_PERSON, 'dates', 'intro']],
  ['pair-announcement-mentor', [...OTHER_PERSON, 'dates', 'intro']],
  ['pair-correction', [...OTHER_PERSON, 'otherRole']],
  ['pair-cancelled', ['otherName', 'otherLibraryService', 'otherRole']],
  ['pair-ended-mentee', ['otherName', 'why', 'whatNext']],
  ['pair-ended-mentor', ['otherName', 'why', 'whatNext']],
  ['mentor-no-mentee', []],
  ['application-change-notice', ['role']],
  ['application-change-held', ['role', 'reason']],
  ['check-in', ['otherName', 'checkInUrl', 'round']],
  ['pair-nudge', ['otherName', 'otherEmail']],
  [
    'coach-request',
    ['requester', 'requesterRole', 'requesterLibraryService', 'requesterEmail', 'requesterNote'],
  ],
  ['continuation-question', ['otherName', 'continueUrl']],
  ['finale-thanks', ['otherName', 'whatNext']],
  ['evaluation-invitation', ['surveyUrl']],
];
/** The coordinator's own emails (alerts, the retention reminder): all their placeholders. */
const FOR_COORDINATOR: ReadonlyArray<readonly [key: string, all: readonly string[]]> = [
  ['coordinator-alert', [...COMMON.slice(1), 'action', 'when', 'error', 'sheetUrl']],
  ['retention-reminder', [...COMMON.slice(1), 'endDate', 'retentionMonths', 'eraseFrom', 'sheetUrl']],
];

/** Allowed placeholders per template key: what `assertTemplatesUsable` checks an edited set against. */
export const ALLOWED_PLACEHOLDERS: Readonly<Record<string, readonly string[]>> = Object.fromEntries([
  ...OWN.map(([key, extra]) => [key, [...COMMON, ...RESOURCES, ...extra]]),
  ...FOR_COORDINATOR,
]);

export const TEMPLATE_KEYS: readonly string[] = Object.keys(ALLOWED_PLACEHOLDERS);

/** The emails as the coordinator first sees them in the Templates tab: the prose's words, with their placeholders. */
export function defaultTemplates(prose: Prose): Template[] {
  return TEMPLATE_KEYS.map((key) => {
    const words = prose.templates[key];
    if (!words) throw new Error(`The prose has no words for the template ${key}`);
    return { key, subject: words.subject, body: words.body, placeholders: ALLOWED_PLACEHOLDERS[key]! };
  });
}

const STATUS_SLUG: Readonly<Record<DecisionStatus, string>> = {
  Selected: 'selected',
  Waitlisted: 'waitlisted',
  'Not selected': 'not-selected',
};

export const acknowledgementKey = (role: Role) => `acknowledgement-${role}`;
export const decisionKey = (role: Role, status: DecisionStatus) => `decision-${role}-${STATUS_SLUG[status]}`;
export const pairAnnouncementKey = (role: Role) => `pair-announcement-${role}`;
