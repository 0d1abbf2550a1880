import { nextCohortDate, nextCohortWallClock, withNextYear } from '../../domain/close/nextCohort';
import { hasEnded } from '../../domain/close/retention';
import { formatDayDate, formatWallClockLong, parseIsoDate } from '../../domain/dates';
import { fingerprint } from '../../domain/fingerprint';
import { SETTING_FIELDS, type Settings } from '../../domain/settings';
import { plural, textOf, trimmedText } from '../../domain/text';
import type { Ports, RowChange } from '../../ports';
import { ensureProgrammeCalendar } from '../calendar';
import { CALENDAR_ID_KEY, CALENDAR_OWNER_KEY } from '../calendar/programmeCalendar';
import { applicationFormOf, COHORT_FORMS, ensureCohortForm, readSettings, todayOf } from '../context';
import { HANDLER } from '../handlers';
import { writeLog } from '../log';
import { Journal } from '../outbox/journal';
import { outboxStatus } from '../outbox/queue';
import type { MenuAction } from '../run';
import { arrangeTabs, writeFormsTab } from '../setup';
import {
  applicantsTab,
  changesTab,
  choicesTab,
  FORMS,
  formsTab,
  launchTab,
  logTab,
  matchesTab,
  OUTBOX,
  outboxTab,
  PROGRAMME,
  programmeTab,
  SETTING,
  settingsTab,
  TAB,
} from '../tabs';
import {
  type Cohort,
  type CohortForm,
  cohortLabel,
  currentCohort,
  EXPORT_FILE,
  EXPORT_KEY,
  saveArchive,
  startCurrent,
} from './cohorts';
import { EXPORT_ROW } from './exportForEvaluator';
import { dayAfterEnd } from './moments';

export const NEXT_ACTION = 'Start the next cohort';
/** Script property: a start that was approved and not finished (a run cut off); the next click finishes it. */
export const ROLLOVER = 'cohort:rollover';

/** The Programme columns Cohort fills from the calendar: emptied, since next year's events are new. */
const PROGRAMME_FILLED = [
  PROGRAMME.eventId,
  PROGRAMME.meetLink,
  PROGRAMME.invitations,
  PROGRAMME.lastSynced,
  PROGRAMME.problems,
];
/** What this cohort knew of people in script properties: the next one starts without it. */
const COHORT_PREFIXES = ['ledger:', 'registry:', 'intake:cursor:'];
const COHORT_KEYS = ['secret:personalCodes'];
const NEW_TABS = [applicantsTab, changesTab, launchTab, choicesTab, matchesTab, outboxTab, logTab];

/**
 * Everything the start of the next cohort does, decided once, before anything changes, and kept
 * (script properties) until it is done: a run cut off half-way is finished by the next click with
 * the same targets, so no date ever moves twice.
 */
interface Rollover {
  readonly from: number;
  readonly to: number;
  /** Settings key → its value for the next cohort (only the settings that change). */
  readonly settings: Record<string, { from: string; to: string; label: string }>;
  readonly programme: ReadonlyArray<{ row: number; key: string; title: string; from: string; to: string }>;
  /** Tab → its archived name ("Applicants" → "2025 Applicants"), response tabs included. */
  readonly tabs: Record<string, string>;
  /** This cohort as it is archived (tabs under their new names). */
  readonly archive: Cohort;
}

interface NextRun {
  readonly settings: Settings;
  readonly rollover: Rollover | null;
  readonly resuming: boolean;
  readonly stop: string | null;
  /** Emails that failed: left in the archived Outbox, never retried. */
  readonly failed: number;
}

const archivedName = (year: number, tab: string) => `${year} ${tab}`;

function readRollover(ports: Pick<Ports, 'store'>): Rollover | null {
  try {
    const raw = ports.store.get(ROLLOVER);
    return raw ? (JSON.parse(raw) as Rollover) : null;
  } catch {
    return null;
  }
}

function settingChanges(settings: Settings, year: number): Rollover['settings'] {
  const out: Rollover['settings'] = {};
  for (const field of SETTING_FIELDS) {
    const value = settings[field.key];
    if (typeof value !== 'string' || value === '') continue;
    const next =
      field.read.kind === 'wallClock'
        ? nextCohortWallClock(value)
        : field.read.kind === 'date'
          ? nextCohortDate(value)
          : field.key === 'programmeName' || field.key === 'calendarName'
            ? withNextYear(value, year)
            : value;
    if (next !== value) out[field.key] = { from: value, to: next, label: field.label };
  }
  return out;
}

function planRollover(ports: Ports, settings: Settings, cohort: Cohort): Rollover {
  const tabs: Record<string, string> = {};
  for (const tab of Object.keys(cohort.tabs)) tabs[tab] = archivedName(cohort.year, tab);
  const forms: CohortForm[] = cohort.forms.map((f) => {
    const archived = f.responseTab ? archivedName(cohort.year, f.responseTab) : '';
    if (f.responseTab && ports.workbook.hasTab(f.responseTab)) tabs[f.responseTab] = archived;
    return { ...f, responseTab: archived };
  });
  const programme = ports.workbook.read(programmeTab).rows.flatMap((r) => {
    const date = trimmedText(r.values[PROGRAMME.date]);
    if (!parseIsoDate(date)) return [];
    return [
      {
        row: r.rowNumber,
        key: trimmedText(r.values[PROGRAMME.key]),
        title: trimmedText(r.values[PROGRAMME.title]),
        from: date,
        to: nextCohortDate(date),
      },
    ];
  });
  const archive: Cohort = {
    ...cohort,
    current: false,
    tabs: Object.fromEntries(Object.keys(cohort.tabs).map((t) => [t, tabs[t]!])),
    forms,
    exportKey: cohort.exportKey,
  };
  return {
    from: cohort.year,
    to: cohort.year + 1,
    settings: settingChanges(settings, cohort.year),
    programme,
    tabs,
    archive,
  };
}

function whyNot(ports: Ports, settings: Settings, cohort: Cohort, rollover: Rollover): string | null {
  const today = todayOf(ports, settings);
  if (!hasEnded(today, cohort.endDate))
    return `${cohortLabel(cohort).replace(/^t/, 'T')} is still running: the programme ends on ${formatDayDate(cohort.endDate)} (Settings, "Programme ends"). The next cohort can start from ${dayAfterEnd(settings)}, after "Close the programme". Nothing was done.`;
  if (!cohort.closedAt)
    return `Run Mentoring → Close the programme first: it keeps ${cohortLabel(cohort)}'s anonymous counts and the evaluator's export, and says when its personal data is to be erased. Nothing was done.`;
  if (Journal.recover(ports.store).present)
    return 'An email was being sent when a run stopped: open the Outbox, or wait a few minutes for the automatic retry, then try again. Nothing was done.';
  if (ports.workbook.hasTab(TAB.outbox)) {
    const open = ports.workbook
      .read(outboxTab)
      .rows.filter((r) => ['queued', 'unconfirmed'].includes(outboxStatus(r.values[OUTBOX.status]))).length;
    if (open)
      return `${open} email${open === 1 ? ' is' : 's are'} still waiting to go or may have gone (Outbox, Status queued or unconfirmed). Let them go (they do, automatically), or settle them with Retry failed emails, then start the next cohort. Nothing was done.`;
  }
  const taken = Object.values(rollover.tabs).find((name) => ports.workbook.hasTab(name));
  if (taken)
    return `There is already a tab named "${taken}", where ${cohortLabel(cohort)}'s data is to be kept. Rename it, then try again. Nothing was done.`;
  return null;
}

function planNext(ports: Ports): NextRun {
  const { settings } = readSettings(ports);
  const saved = readRollover(ports);
  if (saved) return { settings, rollover: saved, resuming: true, stop: null, failed: 0 };
  const cohort = currentCohort(ports, settings);
  const rollover = planRollover(ports, settings, cohort);
  const failed = ports.workbook.hasTab(TAB.outbox)
    ? ports.workbook.read(outboxTab).rows.filter((r) => outboxStatus(r.values[OUTBOX.status]) === 'failed')
        .length
    : 0;
  return { settings, rollover, resuming: false, stop: whyNot(ports, settings, cohort, rollover), failed };
}

function shown(value: string): string {
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(value)
    ? formatWallClockLong(value)
    : /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? formatDayDate(value)
      : `"${value}"`;
}

function question(run: NextRun): string {
  const r = run.rollover!;
  const kept = Object.keys(r.archive.tabs).join(', ');
  return [
    run.resuming
      ? `The start of the ${r.to} cohort was cut off before it finished. Finish it now, as approved?`
      : '',
    `Start the ${r.to} cohort from the ${r.from} one. Settings, Templates and the Programme carry on; dates move 52 weeks, so each stays on its weekday:`,
    [
      'In Settings:',
      ...Object.values(r.settings).map((s) => `• ${s.label}: ${shown(s.from)} → ${shown(s.to)}`),
    ].join('\n'),
    [
      'In Programme:',
      ...r.programme.map((p) => `• ${p.title || p.key}: ${formatDayDate(p.from)} → ${formatDayDate(p.to)}`),
    ].join('\n'),
    `The ${r.from} tabs (${kept}, and the form responses) are kept, renamed "${r.from} Applicants" and so on, and hidden (View → Hidden sheets). Their personal data is still erased when its time comes (${formatDayDate(r.archive.eraseFrom)}): "Close the programme" does it, after Cohort's reminder.`,
    `New, empty tabs take the ${r.to} cohort. New mentor and mentee application forms are made; the ${r.from} forms no longer take responses. A new programme calendar is made for the new dates.`,
    run.failed
      ? `${plural(run.failed, 'email')} that failed stay in the ${r.from} Outbox and will not be retried.`
      : '',
    'Check the new dates in Settings and Programme afterwards: move any that should fall on a fixed day.',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** Renames and hides each tab; one already renamed (a run cut off after it) is only hidden. */
function archiveTabs(ports: Ports, r: Rollover): void {
  for (const [tab, archived] of Object.entries(r.tabs)) {
    if (!ports.workbook.hasTab(archived)) {
      if (!ports.workbook.hasTab(tab)) continue;
      ports.workbook.renameTab(tab, archived);
    }
    ports.workbook.hideTab(archived);
  }
}

/** Writes the targets decided beforehand (never "add 364 days" now: a second run must not move them again). */
function rollSettingsAndProgramme(ports: Ports, r: Rollover): void {
  const settings = ports.workbook.read(settingsTab);
  const changes: RowChange[] = settings.rows.flatMap((row) => {
    const target = r.settings[trimmedText(row.values[SETTING.key])];
    return target && textOf(row.values[SETTING.value]) !== target.to
      ? [{ rowNumber: row.rowNumber, values: { [SETTING.value]: target.to } }]
      : [];
  });
  ports.workbook.update(settings, changes);
  const programme = ports.workbook.read(programmeTab);
  const byRow = new Map(programme.rows.map((row) => [row.rowNumber, row]));
  const dates: RowChange[] = r.programme.flatMap((p) => {
    const row = byRow.get(p.row);
    if (!row || trimmedText(row.values[PROGRAMME.key]) !== p.key) return [];
    const values = {
      [PROGRAMME.date]: p.to,
      ...Object.fromEntries(PROGRAMME_FILLED.map((h) => [h, ''])),
    };
    const same = Object.entries(values).every(([h, v]) => textOf(row.values[h]) === v);
    return same ? [] : [{ rowNumber: p.row, values }];
  });
  ports.workbook.update(programme, dates);
}

/** The old cohort's keys move into its archive record; what it knew of people goes. */
function handOverStore(ports: Ports, r: Rollover): void {
  saveArchive(ports, r.archive);
  const old = new Set(r.archive.forms.map((f) => f.id));
  for (const key of COHORT_FORMS) {
    const raw = ports.store.get(`form:${key}`);
    if (raw && old.has(String((JSON.parse(raw) as { id?: unknown }).id))) ports.store.delete(`form:${key}`);
  }
  if (r.archive.calendarId && ports.store.get(CALENDAR_ID_KEY) === r.archive.calendarId) {
    ports.store.delete(CALENDAR_ID_KEY);
    if (ports.store.get(CALENDAR_OWNER_KEY) !== null) ports.store.delete(CALENDAR_OWNER_KEY);
  }
  if (r.archive.exportFile && ports.store.get(EXPORT_FILE)?.includes(r.archive.exportFile.id))
    ports.store.delete(EXPORT_FILE);
  if (r.archive.exportKey && ports.store.get(EXPORT_KEY) === r.archive.exportKey)
    ports.store.delete(EXPORT_KEY);
  for (const prefix of COHORT_PREFIXES) for (const key of ports.store.keys(prefix)) ports.store.delete(key);
  for (const key of COHORT_KEYS) if (ports.store.get(key) !== null) ports.store.delete(key);
  ports.triggers.clearSchedules(HANDLER.scheduledDecisions);
}

/** The Forms tab: the new forms' links; the old choices form's and export's rows emptied. */
function refreshFormsTab(ports: Ports): void {
  writeFormsTab(ports);
  const table = ports.workbook.read(formsTab.name);
  const stale = new Set(['Mentor choices', EXPORT_ROW]);
  ports.workbook.update(
    table,
    table.rows
      .filter(
        (row) =>
          stale.has(textOf(row.values[FORMS.form])) && (row.values[FORMS.link] || row.values[FORMS.edit]),
      )
      .map((row) => ({
        rowNumber: row.rowNumber,
        values: { [FORMS.link]: '', [FORMS.edit]: '', [FORMS.responses]: '' },
      })),
  );
}

function act(ports: Ports, run: NextRun): string {
  const r = run.rollover!;
  if (!run.resuming) ports.store.set(ROLLOVER, JSON.stringify(r));
  for (const form of r.archive.forms) ports.forms.stopResponses(form.id);
  archiveTabs(ports, r);
  rollSettingsAndProgramme(ports, r);
  handOverStore(ports, r);
  for (const spec of NEW_TABS) ports.workbook.ensureTab(spec);
  const { settings } = readSettings(ports);
  const { forms: words } = ports.prose.read();
  const forms = (['mentor', 'mentee'] as const).map((role) =>
    ensureCohortForm(ports, role, applicationFormOf(settings, role, words[role])),
  );
  refreshFormsTab(ports);
  // The new forms' response tabs arrive first, as Google puts them: Cohort's tabs go back in front.
  arrangeTabs(ports);
  const calendar = ensureProgrammeCalendar(ports);
  startCurrent(ports, r.to);
  ports.store.delete(ROLLOVER);
  const text = `The ${r.to} cohort has started: ${settings.programmeName}. The ${r.from} tabs are kept, hidden, as "${r.from} Applicants" and so on, until their erasure on ${formatDayDate(r.archive.eraseFrom)}.`;
  writeLog(ports, [{ level: 'info', action: NEXT_ACTION, message: `${text} ${calendar}` }]);
  return [
    text,
    `New application forms (also in the Forms tab):\nMentor: ${forms[0]!.publishedUrl}\nMentee: ${forms[1]!.publishedUrl}`,
    calendar,
    'Check the dates in Settings and Programme before sharing the forms.',
  ].join('\n\n');
}

/**
 * "Start the next cohort": after "Close the programme", carries Settings, Templates and the
 * Programme into next year (52 weeks on, the programme's year in its name one up), keeps this
 * cohort's people tabs renamed with its year and hidden (its retention clock still runs: see
 * cohorts.ts), and opens empty tabs and new application forms for the next. Safe to click twice:
 * the second finds the new cohort running; a run cut off half-way is finished, never redone.
 */
export const startNextCohortAction: MenuAction<void, NextRun> = {
  name: NEXT_ACTION,
  plan: planNext,
  review: (run) =>
    run.stop
      ? { kind: 'stop', message: run.stop }
      : { kind: 'ask', question: question(run), fingerprint: fingerprint([run.resuming, run.rollover]) },
  act,
};
