import { defaultTemplates } from '../domain/default-templates';
import { shortHash } from '../domain/fingerprint';
import type { Prose } from '../domain/prose';
import { trimmedText } from '../domain/text';
import type { Ports, RowValues, TabRepair } from '../ports';
import { ensureProgrammeCalendar } from './calendar';
import { ensureRetentionCheck } from './close/retentionCheck';
import { applicationFormOf, ensureCohortForm, formRef, ownedTrigger, readSettings } from './context';
import { HANDLER } from './handlers';
import { writeLog } from './log';
import { updateSettingNotes } from './settingCell';
import {
  applicantsTab,
  changesTab,
  choicesTab,
  FORMS,
  formsTab,
  logTab,
  matchesTab,
  outboxTab,
  programmeTab,
  SETTING,
  seeded,
  settingsTab,
  TAB_ORDER,
  TEMPLATE,
  templatesTab,
} from './tabs';
import { updateTemplateWording } from './templateWording';

export interface SetupReport {
  readonly tabs: Record<string, TabRepair>;
  /** "Programme calendar "…" created." or "… is in place." */
  readonly calendar: string;
  readonly settingsProblems: readonly string[];
  readonly forms: Record<'mentor' | 'mentee', { url: string; created: boolean }>;
  readonly trigger: 'created' | 'existing' | 'repaired' | { owner: string };
  /** The morning keep-in-touch trigger. */
  readonly daily: 'created' | 'existing' | 'repaired' | { owner: string };
  readonly added: readonly string[];
  /** Templates the coordinator had not edited, brought to this version's wording. */
  readonly reworded: readonly string[];
  /** Settings whose note an earlier version wrote and this one words differently (their labels). */
  readonly settingNotes: readonly string[];
  /** Set when this run changed how the application forms collect addresses (the requireSignIn setting). */
  readonly signIn?: 'verified' | 'typed' | 'off';
  readonly arranged: TabArrangement;
  /** Set when the spreadsheet shows times in another zone than the programme's. */
  readonly timeZones: { readonly spreadsheet: string; readonly programme: string } | null;
}

export interface TabArrangement {
  /** Tabs moved into order. */
  readonly moved: readonly string[];
  /** The spreadsheet's blank first tab ("Sheet1"), if it was removed. */
  readonly removed: string | null;
}

/** The email collection last applied to the application forms, so a manual change in Forms stays until the setting changes. */
const SIGN_IN_APPLIED = 'forms:signIn';

/** Adds the rows a tab must have (settings, templates) that a coordinator deleted; keeps every edit. */
function addMissingRows(
  ports: Ports,
  tab: string,
  keyHeader: string,
  wanted: readonly RowValues[],
): string[] {
  const table = ports.workbook.read(tab);
  const have = new Set(table.rows.map((r) => trimmedText(r.values[keyHeader])));
  const missing = wanted.filter((row) => !have.has(String(row[keyHeader])));
  ports.workbook.append(table, missing);
  return missing.map((row) => `${tab}: ${String(row[keyHeader])}`);
}

/**
 * "Set up programme": creates what is missing and repairs what was damaged, never duplicates: the
 * tabs, the mentor and mentee application forms (linked to this spreadsheet), exactly one
 * form-submit trigger. Running it twice changes nothing.
 */
export function setUpProgramme(ports: Ports): SetupReport {
  const tabs: Record<string, TabRepair> = {};
  const prose = ports.prose.read();
  const templates = defaultTemplates(prose);
  const [withSettings, withDates, withTemplates] = seeded(prose, templates);
  for (const spec of [withSettings, withDates, withTemplates, applicantsTab, outboxTab, formsTab, logTab]) {
    tabs[spec.name] = ports.workbook.ensureTab(spec);
  }
  layOutOlderTabs(ports);
  noteOlderHeaders(ports, prose);
  // A tab that was there may lack rows a newer Cohort has: they are added, never duplicated.
  const added = (
    [
      [withSettings, SETTING.key],
      [withTemplates, TEMPLATE.key],
    ] as const
  ).flatMap(([spec, key]) =>
    tabs[spec.name] === 'created' ? [] : addMissingRows(ports, spec.name, key, spec.seed!),
  );
  const reworded = updateTemplateWording(ports, templates);
  const notes = tabs[withSettings.name] === 'created' ? [] : updateSettingNotes(ports, prose);
  fillCoordinator(ports);
  const { settings, problems: settingsProblems } = readSettings(ports);
  const calendar = ensureProgrammeCalendar(ports);
  const forms = {} as SetupReport['forms'];
  for (const role of ['mentor', 'mentee'] as const) {
    const ref = ensureCohortForm(ports, role, applicationFormOf(settings, role, prose.forms[role]));
    forms[role] = { url: ref.publishedUrl, created: ref.created };
  }
  const signIn = applySignIn(
    ports,
    settings.requireSignIn,
    (['mentor', 'mentee'] as const).map((r) => formRef(ports, r)!.id),
  );
  writeFormsTab(ports);
  const arranged = arrangeTabs(ports);
  const programmeZone = settings.timeZone;
  const sheetZone = ports.workbook.timeZone();
  const timeZones = sheetZone === programmeZone ? null : { spreadsheet: sheetZone, programme: programmeZone };
  const trigger = ensureFormTrigger(ports);
  const daily = ensureDailyTrigger(ports, settings.timeZone);
  const retention = ensureRetentionCheck(ports, settings.timeZone);
  const changed = Object.entries(tabs).filter(([, r]) => r !== 'unchanged');
  writeLog(ports, [
    {
      level: 'info',
      action: 'Set up programme',
      message:
        `Tabs: ${changed.length ? changed.map(([t, r]) => `${t} ${r}`).join(', ') : 'all present'}. ` +
        `Forms: mentor ${forms.mentor.created ? 'created' : 'kept'}, mentee ${forms.mentee.created ? 'created' : 'kept'}. ` +
        `Form trigger: ${typeof trigger === 'string' ? trigger : `kept (installed by ${trigger.owner})`}. Daily retention check: ${retention}. ${calendar}${added.length ? ` Restored: ${added.join(', ')}.` : ''}${reworded.length ? ` Reworded (not edited): ${reworded.join(', ')}.` : ''}${notes.length ? ` Setting notes brought up to date: ${notes.join(', ')}.` : ''}` +
        `${arranged.removed ? ` Removed the empty tab "${arranged.removed}".` : ''}${arranged.moved.length ? ` Tabs put in order: ${arranged.moved.join(', ')} moved.` : ''}`,
    },
  ]);
  return {
    tabs,
    calendar,
    settingsProblems,
    forms,
    trigger,
    daily,
    added,
    reworded,
    settingNotes: notes,
    arranged,
    timeZones,
    ...(signIn ? { signIn } : {}),
  };
}

/**
 * Applicants sign in with Google when the requireSignIn setting says so: the forms then collect a
 * verified address ([official] FormApp Form.setEmailCollectionType, VERIFIED). Applied when the
 * setting changes (or a form is new), so each run of Set up programme costs no Forms call for it.
 */
function applySignIn(
  ports: Ports,
  required: boolean,
  formIds: readonly string[],
): SetupReport['signIn'] | undefined {
  const wanted = `${required}:${formIds.join(',')}`;
  const before = ports.store.get(SIGN_IN_APPLIED);
  if (before === wanted) return undefined;
  let applied: SetupReport['signIn'] = 'off';
  for (const id of formIds) applied = ports.forms.setVerifiedEmail(id, required);
  ports.store.set(SIGN_IN_APPLIED, wanted);
  // Turning off what was never on is not news.
  return applied === 'off' && !before?.startsWith('true') ? undefined : applied;
}

/** What the columns' notes were when Set up programme last gave the headers theirs. */
export const NOTES_WRITTEN = 'notes:written';

/**
 * The headers of tabs an older Cohort made get the notes new ones have, once for each version of
 * the notes (a second Set up with the same notes reads no tab for them).
 */
function noteOlderHeaders(ports: Ports, prose: Prose): void {
  const version = shortHash(JSON.stringify(prose.columnNotes));
  if (ports.store.get(NOTES_WRITTEN) === version) return;
  for (const tab of Object.keys(prose.columnNotes)) ports.workbook.noteHeaders(tab);
  try {
    ports.store.set(NOTES_WRITTEN, version);
  } catch {
    // A full store (Google's 500 KB) must not stop Set up programme: the next one looks again.
  }
}

/** Tabs an older Cohort made get the layout new ones have (once: a laid-out tab is left alone). */
function layOutOlderTabs(ports: Ports): void {
  const specs = [settingsTab, programmeTab, applicantsTab, changesTab, choicesTab, matchesTab, outboxTab];
  for (const spec of [...specs, templatesTab, formsTab, logTab]) ports.workbook.layOutTab(spec);
}

/**
 * Cohort's tabs first, in the scheme's order (TAB_ORDER), and the forms' response tabs last: Google
 * puts each new one first. The spreadsheet's blank first tab ("Sheet1") goes once Cohort's are there.
 */
export function arrangeTabs(ports: Ports): TabArrangement {
  const responses = (['mentor', 'mentee', 'choices', 'check-in', 'continuation'] as const)
    .map((key) => formRef(ports, key)?.responseTab ?? '')
    .filter((tab) => tab !== '');
  const removed = ports.workbook.removeBlankFirstTab([...TAB_ORDER, ...responses]);
  return { removed, moved: ports.workbook.arrangeTabs(TAB_ORDER, responses) };
}

/** Who installed the form-submit trigger (script properties: every coordinator sees it). */
export const FORM_TRIGGER_OWNER = 'trigger:formSubmit:owner';

/**
 * Exactly one form-submit trigger. Installable triggers belong to the account that made them and
 * only it can see them ([official] AS/guides/triggers/installable: "A given account can't see
 * triggers installed from a second account, even though the first account can still activate
 * those triggers"): a second coordinator installing another would have every application
 * processed twice, so the owner is recorded and a second account adds none.
 */
function ensureFormTrigger(ports: Ports): SetupReport['trigger'] {
  return ownedTrigger(ports, FORM_TRIGGER_OWNER, () => ports.triggers.ensureFormSubmit(HANDLER.formSubmit));
}

/** Who installed the morning keep-in-touch trigger. */
export const DAILY_TRIGGER_OWNER = 'trigger:keepInTouch:owner';
/** The morning run's hour (programme time): check-ins arrive at the start of the working day. */
const DAILY_HOUR = 7;

/**
 * Exactly one morning keep-in-touch trigger, owned as the form trigger is (see ensureFormTrigger):
 * a second coordinator's would be invisible to the first and run everything twice a day.
 */
function ensureDailyTrigger(ports: Ports, timeZone: string): SetupReport['daily'] {
  return ownedTrigger(ports, DAILY_TRIGGER_OWNER, () =>
    ports.triggers.ensureDaily(HANDLER.keepInTouchDaily, DAILY_HOUR, timeZone),
  );
}

/**
 * A new Settings tab gets the account's address as the coordinator's reply-to: replies then reach
 * whoever installed Cohort until they put in another. An address already there is never changed.
 */
function fillCoordinator(ports: Ports): void {
  const table = ports.workbook.read(settingsTab);
  const row = table.rows.find((r) => r.values[SETTING.key] === 'coordinatorEmail');
  if (!row || trimmedText(row.values[SETTING.value]) !== '') return;
  const email = ports.account.email();
  if (email) ports.workbook.update(table, [{ rowNumber: row.rowNumber, values: { [SETTING.value]: email } }]);
}

/** The Forms tab lists every form's link to share; rewritten from the stored references. */
export function writeFormsTab(ports: Ports): void {
  ports.workbook.ensureTab(formsTab);
  const table = ports.workbook.read(formsTab.name);
  const labels = {
    mentor: 'Mentor application',
    mentee: 'Mentee application',
    choices: 'Mentor choices',
    'check-in': 'Check-in',
    continuation: 'Continuation question',
  } as const;
  const rowsByForm = new Map(table.rows.map((r) => [String(r.values[FORMS.form]), r]));
  const changes = [];
  const appends: RowValues[] = [];
  for (const key of ['mentor', 'mentee', 'choices', 'check-in', 'continuation'] as const) {
    const ref = formRef(ports, key);
    if (!ref) continue;
    const values = {
      [FORMS.form]: labels[key],
      [FORMS.link]: ref.publishedUrl,
      [FORMS.edit]: ref.editUrl,
      [FORMS.responses]: ref.responseTab,
    };
    const existing = rowsByForm.get(labels[key]);
    if (!existing) appends.push(values);
    else if (Object.entries(values).some(([h, v]) => existing.values[h] !== v))
      changes.push({ rowNumber: existing.rowNumber, values });
  }
  ports.workbook.update(table, changes);
  ports.workbook.append(table, appends);
}

/**
 * The spreadsheet's zone is left as it is: Sheets keeps the clock time every date cell shows when the
 * zone changes (research notes §6), so changing it would quietly move the times already there, the
 * form responses' too. The coordinator is told, and can change it before applications arrive.
 */
function timeZoneNote(zones: NonNullable<SetupReport['timeZones']>): string {
  return (
    `This spreadsheet shows times in ${zones.spreadsheet}, but the programme runs on ${zones.programme} time (Settings). ` +
    `To see the tabs' times in programme time, set File → Settings → Time zone to ${zones.programme}, ` +
    'best before applications arrive: the times already in the sheet would keep their clock reading and so mean another moment.'
  );
}

/** What the coordinator reads after set-up. */
export function setupSummary(report: SetupReport): string {
  const created = Object.entries(report.tabs)
    .filter(([, r]) => r === 'created')
    .map(([t]) => t);
  const repaired = Object.entries(report.tabs)
    .filter(([, r]) => r === 'repaired')
    .map(([t]) => t);
  const lines = [
    created.length ? `Created tabs: ${created.join(', ')}.` : 'All tabs were already there.',
    repaired.length ? `Repaired tabs (missing columns added): ${repaired.join(', ')}.` : '',
    report.added.length ? `Restored rows: ${report.added.join(', ')}.` : '',
    report.reworded.length
      ? `Templates you had not edited now have this version's wording: ${report.reworded.join(', ')}. Those you edited are as you left them.`
      : '',
    report.settingNotes.length
      ? `The notes of these settings now say what this version does: ${report.settingNotes.map((l) => `"${l}"`).join(', ')}.`
      : '',
    report.arranged.removed ? `Removed the empty tab "${report.arranged.removed}".` : '',
    report.arranged.moved.length ? "Tabs put in order: Cohort's first, the forms' responses last." : '',
    report.calendar,
    `Mentor application form: ${report.forms.mentor.url}`,
    `Mentee application form: ${report.forms.mentee.url}`,
    'Share these two links with applicants (they are also in the Forms tab).',
    report.settingsProblems.length
      ? `Please check the Settings tab before anything is sent:\n${report.settingsProblems.join('\n')}`
      : '',
    report.signIn === 'verified'
      ? 'Applicants now sign in with Google on both forms, and the address Google verified is the one that counts.'
      : '',
    report.signIn === 'typed'
      ? 'Both forms now ask for an email address, but this form version cannot verify it: Cohort will compare it with the address typed.'
      : '',
    report.signIn === 'off' ? 'The forms no longer ask applicants to sign in.' : '',
    report.trigger === 'created' ? 'New applications will now appear in the Applicants tab.' : '',
    report.timeZones ? timeZoneNote(report.timeZones) : '',
    typeof report.trigger === 'object'
      ? `New applications arrive through the form trigger ${report.trigger.owner} installed: it runs as ${report.trigger.owner}, and emails about applications go from that account. None was added for you, so no application is taken in twice.`
      : '',
    report.trigger === 'repaired'
      ? 'A duplicate form trigger was removed (it would have processed each application twice).'
      : '',
    report.daily === 'created'
      ? 'Every morning from now on, Cohort sends the check-ins, nudges and questions that are due once pairs are introduced.'
      : '',
    typeof report.daily === 'object'
      ? `The morning keep-in-touch run is ${report.daily.owner}'s: its emails go from that account. None was added for you.`
      : '',
  ];
  return lines.filter(Boolean).join('\n');
}
