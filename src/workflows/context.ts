import { formatWallClockLong, parseIsoDate } from '../domain/dates';
import { ALLOWED_PLACEHOLDERS, defaultTemplates, TEMPLATE_KEYS } from '../domain/default-templates';
import { applicationForm, type FormSpec } from '../domain/forms/spec';
import type { FormWords } from '../domain/prose/forms';
import { AUDIENCES, type ProgrammeDate } from '../domain/scheme';
import { parseSettingsRows, type Settings } from '../domain/settings';
import type { Role } from '../domain/status';
import type { Template } from '../domain/templates';
import { isValidEmail, textOf, trimmedText } from '../domain/text';
import { resourcesText, supportSentence } from '../domain/wording';
import type { FormRef, Ports, Table } from '../ports';
import { type Sender, SIGN_LATER } from './outbox/deliver';
import { settingCell } from './settingCell';
import { PROGRAMME, programmeTab, settingsTab, TEMPLATE, templatesTab } from './tabs';

/** A tab as the 2-D values the domain parsers read (header row first). */
export function asRows(table: Table): unknown[][] {
  return [table.headers as unknown[], ...table.rows.map((r) => table.headers.map((h) => r.values[h] ?? ''))];
}

export interface LoadedSettings {
  readonly settings: Settings;
  readonly problems: readonly string[];
}

let lastSettings: { key: string; loaded: LoadedSettings } | undefined;

/**
 * The Settings tab, read afresh on every call (the coordinator may have changed it), parsed once per
 * content: one execution often reads it several times (a form response runs each import), and parsing
 * builds a schema for each of its settings.
 */
export function readSettings(ports: Pick<Ports, 'workbook' | 'clock'>): LoadedSettings {
  const rows = asRows(ports.workbook.read(settingsTab));
  // A date the coordinator typed into a Value cell shows the wall-clock time they meant in the
  // spreadsheet's own zone; Settings then reads that wall clock in the programme's zone.
  const zone = ports.workbook.timeZone();
  const key = JSON.stringify([zone, rows]);
  if (lastSettings?.key !== key) {
    const { settings, problems } = parseSettingsRows(rows, {
      dateToWallClock: (d) => ports.clock.wallClock(d, zone),
    });
    // Frozen, since every caller gets the same object.
    lastSettings = {
      key,
      loaded: Object.freeze({ settings: Object.freeze(settings), problems: Object.freeze(problems) }),
    };
  }
  return lastSettings.loaded;
}

/**
 * The templates as the coordinator left them, in TEMPLATE_KEYS order: a template they deleted or
 * emptied falls back to the default (the prose, read only then), so an email is never sent with no
 * text; an edited one is used as edited.
 */
export function readTemplates(ports: Pick<Ports, 'workbook' | 'prose'>): Map<string, Template> {
  const edited = new Map<string, Template>();
  for (const row of ports.workbook.read(templatesTab).rows) {
    const key = trimmedText(row.values[TEMPLATE.key]);
    const subject = textOf(row.values[TEMPLATE.subject]);
    const body = textOf(row.values[TEMPLATE.body]);
    const allowed = ALLOWED_PLACEHOLDERS[key];
    if (allowed && subject.trim() && body.trim())
      edited.set(key, { key, subject, body, placeholders: allowed });
  }
  const defaults = TEMPLATE_KEYS.every((key) => edited.has(key))
    ? new Map<string, Template>()
    : new Map(defaultTemplates(ports.prose.read()).map((t) => [t.key, t]));
  return new Map(TEMPLATE_KEYS.map((key) => [key, edited.get(key) ?? defaults.get(key)!]));
}

export type FormKey = 'mentor' | 'mentee' | 'choices' | 'check-in' | 'continuation';
/** Every form a cohort makes, in the order it makes them: each holds that cohort's responses. */
export const COHORT_FORMS: readonly FormKey[] = ['mentor', 'mentee', 'choices', 'check-in', 'continuation'];

export function formRef(ports: Pick<Ports, 'store'>, key: FormKey): FormRef | null {
  const raw = ports.store.get(`form:${key}`);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as FormRef;
  } catch {
    return null;
  }
}

/** The account that created a form (only it can open the form unless it was shared). */
export function formOwner(ports: Pick<Ports, 'store'>, key: FormKey): string {
  const raw = ports.store.get(`form:${key}`);
  try {
    return raw ? textOf((JSON.parse(raw) as { owner?: unknown }).owner) : '';
  } catch {
    return '';
  }
}

export function saveFormRef(ports: Pick<Ports, 'store' | 'account'>, key: FormKey, ref: FormRef): void {
  const previous = formRef(ports, key);
  // A new form is the current account's; the same form keeps the owner it had.
  const owner =
    previous?.id === ref.id ? formOwner(ports, key) || ports.account.email() : ports.account.email();
  ports.store.set(
    `form:${key}`,
    JSON.stringify({
      id: ref.id,
      publishedUrl: ref.publishedUrl,
      editUrl: ref.editUrl,
      responseTab: ref.responseTab,
      owner,
    }),
  );
}

const FORM_LABELS: Record<FormKey, string> = {
  mentor: 'mentor application form',
  mentee: 'mentee application form',
  choices: 'mentor choices form',
  'check-in': 'check-in form',
  continuation: 'continuation question form',
};

/**
 * An application form as Settings word it: the programme's name and its deadline (so the next
 * cohort's forms never ask for applications by last year's date), with the prose's words.
 */
export function applicationFormOf(settings: Settings, role: Role, words: FormWords): FormSpec {
  return applicationForm(role, {
    programmeName: settings.programmeName,
    deadlineText: formatWallClockLong(settings.applicationDeadline),
    words,
  });
}

/**
 * Creates, repairs or updates one of Cohort's forms. A form another coordinator made, which this
 * account cannot open, is not "gone": making a new one would split the applicants between two
 * forms, so the action stops and says whose it is.
 */
export function ensureCohortForm(
  ports: Pick<Ports, 'store' | 'account' | 'forms'>,
  key: FormKey,
  spec: FormSpec,
): FormRef & { created: boolean } {
  const existing = formRef(ports, key);
  const owner = formOwner(ports, key);
  const me = ports.account.email();
  if (existing && owner && me && owner !== me && !ports.forms.exists(existing.id)) {
    throw new Error(
      `The ${FORM_LABELS[key]} was made by ${owner}, and this account (${me}) cannot open it. ` +
        `Ask ${owner} to run this, or to add you as a collaborator on the form. Nothing was changed.`,
    );
  }
  return ports.forms.ensureForm(spec, existing, (r) => saveFormRef(ports, key, r));
}

/** The application deadline as an instant. */
export function deadlineOf(ports: Pick<Ports, 'clock'>, settings: Settings): Date {
  return ports.clock.instant(settings.applicationDeadline, settings.timeZone);
}

/** The Programme tab as the domain's programme dates (rows without a valid date are left out). */
export function readProgramme(ports: Pick<Ports, 'workbook'>): ProgrammeDate[] {
  const dates: ProgrammeDate[] = [];
  for (const row of ports.workbook.read(programmeTab).rows) {
    const v = (h: string) => trimmedText(row.values[h]);
    const audience = AUDIENCES.find((a) => a === v(PROGRAMME.audience).toLowerCase()) ?? 'all participants';
    if (!parseIsoDate(v(PROGRAMME.date))) continue;
    dates.push({
      key: v(PROGRAMME.key),
      title: v(PROGRAMME.title),
      date: v(PROGRAMME.date),
      start: v(PROGRAMME.start),
      end: v(PROGRAMME.end),
      timeZone: v(PROGRAMME.timeZone) || 'Europe/London',
      audience,
      description: v(PROGRAMME.description),
      online: true,
    });
  }
  return dates.sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
}

/** Who emails come from, where replies go, and how much of a day's quota applicant mail may use. */
export function senderOf(settings: Settings): Sender {
  return {
    replyTo: settings.coordinatorEmail,
    senderName: settings.coordinatorName,
    applicantShare: settings.applicantEmailShare,
  };
}

/**
 * Why no email may go yet, naming the Settings cell to fill: none goes unsigned or without a
 * reply-to address. Null when both are there.
 */
export function senderProblem(ports: Pick<Ports, 'workbook'>, settings: Settings): string | null {
  const missing = !settings.coordinatorName.trim()
    ? 'coordinatorName'
    : !isValidEmail(settings.coordinatorEmail)
      ? 'coordinatorEmail'
      : null;
  if (!missing) return null;
  const why = missing === 'coordinatorName' ? 'so that emails are signed' : 'so that replies reach you';
  return `Nothing was sent. Fill in ${settingCell(ports, missing)} first, ${why}.`;
}

/**
 * The values every email may use whoever it is to: the programme, the coordinator, the programme's
 * resources and who to turn to (the default wording uses them).
 */
export function baseValues(settings: Settings): Record<string, string> {
  return {
    programmeName: settings.programmeName,
    // Not filled in yet: the placeholder stays in the queued text, and the Outbox signs the email
    // as it sends it (it sends nothing until both cells are filled: see deliverOutbox).
    coordinatorName: settings.coordinatorName.trim() || SIGN_LATER.coordinatorName,
    coordinatorEmail: isValidEmail(settings.coordinatorEmail)
      ? settings.coordinatorEmail
      : SIGN_LATER.coordinatorEmail,
    handbookUrl: settings.handbookUrl,
    videoUrl: settings.videoUrl,
    coachName: settings.coachName,
    coachEmail: settings.coachEmail,
    contactName: settings.contactName,
    contactEmail: settings.contactEmail,
    support: supportSentence(settings),
    coachSupport: supportSentence(settings, { paired: false }),
    resources: resourcesText(settings),
  };
}

/**
 * Installs a trigger once for the whole Sheet. Triggers belong to the account that made them and
 * only it sees them, so whoever installs one is recorded under `ownerKey`; another coordinator's
 * run adds none (two would do the work twice) and is told whose it is.
 */
export function ownedTrigger<R>(
  ports: Pick<Ports, 'store' | 'account'>,
  ownerKey: string,
  install: () => R,
): R | { owner: string } {
  const owner = ports.store.get(ownerKey);
  const me = ports.account.email();
  if (owner && me && owner !== me) return { owner };
  const result = install();
  if (me && owner !== me) ports.store.set(ownerKey, me);
  return result;
}

/** Today in the programme's zone, 'YYYY-MM-DD'. */
export function todayOf(ports: Pick<Ports, 'clock'>, settings: Settings): string {
  return ports.clock.wallClock(ports.clock.now(), settings.timeZone).slice(0, 10);
}
