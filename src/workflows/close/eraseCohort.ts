import { normaliseEmail, plural, textOf, trimmedText } from '../../domain/text';
import type { Cell, Ports, RowValues, Table } from '../../ports';
import { findFutureGuests, removeGuests } from '../erase/calendar';
import { ERASE_SEARCH_KEY } from '../erase/formSearch';
import { APPLICANT_KEEP, CHOICE_KEEP, LAUNCH_KEEP, UNSENT } from '../erase/plan';
import { blankedRow, ERASED_EMAIL, ERASED_NAME, Scrubber } from '../erase/scrub';
import { LAST_FAILURE } from '../failures';
import { CHECK_IN } from '../keepInTouch/tabs';
import { Journal } from '../outbox/journal';
import { outboxStatus } from '../outbox/queue';
import { settleJournal } from '../outbox/settle';
import { APPLICANT, CHANGE, CHOICE, LAUNCH, MATCH, OUTBOX, TAB } from '../tabs';
import { updateAsOneBlock } from '../write';
import type { Cohort } from './cohorts';

/**
 * Erasing a whole cohort at the end of its retention period: the pieces of "Erase a person"
 * (blanked rows, scrubbed text, the forms' own copies, future events) applied to everyone at once,
 * one read and one write per tab. What stays is anonymous: IDs, roles, statuses, dates and counts,
 * so the Sheet still adds up; nothing in it says who anyone was.
 */

export const ERASED_NOTE = 'Not sent: the data was erased at the end of the retention period.';

/** Columns that hold no personal data in a tab Cohort does not define (the check-ins'). */
const ANONYMOUS_HEADERS = new Set<string>([
  CHECK_IN.personId,
  CHECK_IN.round,
  CHECK_IN.met,
  CHECK_IN.rating,
  CHECK_IN.coach,
  MATCH.menteeId,
  MATCH.mentorId,
  APPLICANT.role,
  APPLICANT.status,
  MATCH.choiceRank,
  MATCH.sharedAreas,
]);
const MATCH_KEEP = [
  MATCH.menteeId,
  MATCH.mentorId,
  MATCH.choiceRank,
  MATCH.sharedAreas,
  MATCH.status,
  MATCH.announced,
];
const CHANGE_KEEP = [
  CHANGE.received,
  CHANGE.id,
  CHANGE.role,
  CHANGE.count,
  CHANGE.tab,
  CHANGE.row,
  CHANGE.status,
];

/** An address anywhere in a text (a Log line may quote one Cohort never knew, e.g. a typo). */
const ADDRESS = /[^\s@<>()[\],;:"']+@[^\s@<>()[\],;:"']+\.[^\s@<>()[\],;:"'.]+/gu;

interface TabChange {
  readonly table: Table;
  readonly changes: Map<number, RowValues>;
}

export interface CohortErasure {
  readonly cohort: Cohort;
  /** In the order they are written: the Log and the rows that only mention people first, the
   * rows people's names are read from last, so a run cut off half-way still finds every name. */
  readonly tabs: readonly TabChange[];
  /** Rows to change, by tab (original name): what the question counts. */
  readonly rows: Readonly<Record<string, number>>;
  /** The cohort's forms whose own copies of the responses are deleted. */
  readonly forms: readonly string[];
  readonly calendar: ReturnType<typeof findFutureGuests>;
  readonly emails: ReadonlySet<string>;
  readonly scrubber: Scrubber;
}

/** Only the cells that would change: a row already anonymous needs nothing (a second run finds nothing). */
function diff(values: Readonly<RowValues>, wanted: RowValues): RowValues | null {
  const out: RowValues = {};
  for (const [h, v] of Object.entries(wanted)) if (textOf(values[h]) !== textOf(v)) out[h] = v;
  return Object.keys(out).length ? out : null;
}

function changesOf(table: Table, wanted: (row: Table['rows'][number]) => RowValues | null): TabChange {
  const changes = new Map<number, RowValues>();
  for (const row of table.rows) {
    const want = wanted(row);
    const change = want && diff(row.values, want);
    if (change) changes.set(row.rowNumber, change);
  }
  return { table, changes };
}

/** A name is written as "Erased" where there was one, and left empty where there was none. */
const erasedName = (v: Cell | undefined) => (trimmedText(v) ? ERASED_NAME : '');

function scrubText(scrubber: Scrubber, text: string): string {
  return scrubber.text(text).replace(ADDRESS, ERASED_EMAIL);
}

function scrubbedRow(scrubber: Scrubber, values: Readonly<RowValues>): RowValues {
  const out: RowValues = {};
  for (const [h, v] of Object.entries(values)) if (typeof v === 'string') out[h] = scrubText(scrubber, v);
  return out;
}

/** A tab Cohort does not define (the check-ins'): only its known anonymous columns and non-text cells stay. */
function anonymousOnly(table: Table): TabChange {
  return changesOf(table, (row) => {
    const out: RowValues = {};
    for (const h of table.headers)
      if (h && !ANONYMOUS_HEADERS.has(h) && typeof row.values[h] === 'string') out[h] = '';
    return out;
  });
}

function outboxRow(row: Table['rows'][number]): RowValues {
  const v = row.values;
  const template = trimmedText(v[OUTBOX.template]) || textOf(v[OUTBOX.key]).split(':')[0] || 'email';
  const unsent = UNSENT.has(outboxStatus(v[OUTBOX.status]));
  return {
    // Unique still (one row, one key), and saying nothing of whom it was to.
    [OUTBOX.key]: `${template}:erased-${row.rowNumber}`,
    [OUTBOX.to]: '',
    [OUTBOX.name]: '',
    [OUTBOX.subject]: '',
    [OUTBOX.body]: '',
    [OUTBOX.links]: '',
    [OUTBOX.check]: '',
    [OUTBOX.error]: unsent ? ERASED_NOTE : '',
    ...(unsent ? { [OUTBOX.status]: 'skipped' } : {}),
  };
}

function read(ports: Pick<Ports, 'workbook'>, name: string | undefined): Table | null {
  return name && ports.workbook.hasTab(name) ? ports.workbook.read(name) : null;
}

/** Everyone the cohort's tabs name: their addresses and the names they gave or were given. */
function identities(tables: Readonly<Record<string, Table | null>>): {
  emails: Set<string>;
  names: string[];
} {
  const emails = new Set<string>();
  const names: string[] = [];
  const take = (table: Table | null, emailHeaders: string[], nameHeaders: string[]) => {
    for (const row of table?.rows ?? []) {
      for (const h of emailHeaders) {
        const email = normaliseEmail(textOf(row.values[h]));
        if (email.includes('@')) emails.add(email);
      }
      for (const h of nameHeaders) if (trimmedText(row.values[h])) names.push(textOf(row.values[h]));
    }
  };
  take(tables[TAB.applicants] ?? null, [APPLICANT.email], [APPLICANT.name]);
  take(tables[TAB.choices] ?? null, [CHOICE.email], [CHOICE.mentee]);
  take(tables[TAB.outbox] ?? null, [OUTBOX.to], [OUTBOX.name]);
  take(tables[TAB.changes] ?? null, [CHANGE.email], [CHANGE.name]);
  take(tables[TAB.matches] ?? null, [], [MATCH.mentee, MATCH.mentor]);
  take(tables[TAB.launch] ?? null, [], [LAUNCH.mentor]);
  return { emails, names: names.filter((n) => n !== ERASED_NAME) };
}

/**
 * Everything a cohort still holds about people, with the change each row needs, in one read per
 * tab. Nothing is written here: the coordinator sees the counts and confirms first.
 */
export function planCohortErasure(ports: Ports, cohort: Cohort, timeZone: string): CohortErasure {
  // An email cut off mid-send is settled first: its journalled key still holds the address.
  if (cohort.current && Journal.recover(ports.store).present && ports.workbook.hasTab(TAB.outbox))
    settleJournal(ports, ports.workbook.read(TAB.outbox));
  const tables: Record<string, Table | null> = {};
  for (const [name, actual] of Object.entries(cohort.tabs)) tables[name] = read(ports, actual);
  const { emails, names } = identities(tables);
  const scrubber = new Scrubber({ email: '', names });
  const tabs: Array<{ name: string; change: TabChange }> = [];
  const add = (name: string, table: Table | null, change: (t: Table) => TabChange) => {
    if (table) tabs.push({ name, change: change(table) });
  };
  add(TAB.log, tables[TAB.log] ?? null, (t) => changesOf(t, (row) => scrubbedRow(scrubber, row.values)));
  for (const [name, table] of Object.entries(tables))
    if (
      ![TAB.log, TAB.applicants, TAB.choices, TAB.matches, TAB.outbox, TAB.changes, TAB.launch].includes(
        name as never,
      )
    )
      add(name, table, anonymousOnly);
  for (const form of cohort.forms)
    add(`${form.responseTab} (${form.key} form responses)`, read(ports, form.responseTab), (t) =>
      changesOf(t, () => blankedRow(t.headers, ['Timestamp'])),
    );
  add(TAB.changes, tables[TAB.changes] ?? null, (t) =>
    changesOf(t, () => blankedRow(t.headers, CHANGE_KEEP)),
  );
  add(TAB.choices, tables[TAB.choices] ?? null, (t) =>
    changesOf(t, (row) =>
      blankedRow(t.headers, CHOICE_KEEP, { [CHOICE.mentee]: erasedName(row.values[CHOICE.mentee]) }),
    ),
  );
  add(TAB.matches, tables[TAB.matches] ?? null, (t) =>
    changesOf(t, (row) =>
      blankedRow(t.headers, MATCH_KEEP, {
        [MATCH.mentee]: erasedName(row.values[MATCH.mentee]),
        [MATCH.mentor]: erasedName(row.values[MATCH.mentor]),
      }),
    ),
  );
  add(TAB.launch, tables[TAB.launch] ?? null, (t) =>
    changesOf(t, (row) =>
      blankedRow(t.headers, LAUNCH_KEEP, { [LAUNCH.mentor]: erasedName(row.values[LAUNCH.mentor]) }),
    ),
  );
  add(TAB.outbox, tables[TAB.outbox] ?? null, (t) => changesOf(t, outboxRow));
  add(TAB.applicants, tables[TAB.applicants] ?? null, (t) =>
    changesOf(t, (row) =>
      blankedRow(t.headers, APPLICANT_KEEP, { [APPLICANT.name]: erasedName(row.values[APPLICANT.name]) }),
    ),
  );
  const rows: Record<string, number> = {};
  // Counted under the tab's name as the coordinator sees it now ("2025 Applicants" once archived).
  for (const { name, change } of tabs)
    if (change.changes.size)
      rows[name.startsWith(change.table.name) ? name : change.table.name] = change.changes.size;
  const theirs = (guest: string) => emails.has(normaliseEmail(guest));
  return {
    cohort,
    tabs: tabs.map((t) => t.change),
    rows,
    forms: cohort.forms.map((f) => f.id),
    calendar: findFutureGuests(ports, cohort.calendarId, theirs, timeZone),
    emails,
    scrubber,
  };
}

/**
 * Script properties that hold what the current cohort knew of people (hashes of addresses, keys; an
 * unfinished "Erase a person" search).
 */
const PERSONAL_PREFIXES = ['ledger:', 'registry:', ERASE_SEARCH_KEY];
const PERSONAL_KEYS = ['secret:personalCodes', 'secret:evaluation'];

export interface CohortErased {
  readonly rows: number;
  readonly formResponses: number;
  readonly events: number;
  readonly failed: readonly string[];
}

/**
 * Carries out the erasure: future events first and the Log next (they need the addresses and
 * names), the rows those are read from last. Every step can be done again: a run cut off half-way
 * is finished by the next.
 */
export function eraseCohort(ports: Ports, plan: CohortErasure): CohortErased {
  const calendar = removeGuests(ports, plan.calendar, (g) => plan.emails.has(normaliseEmail(g)));
  let rows = 0;
  for (const tab of plan.tabs) {
    if (tab.changes.size === 0) continue;
    updateAsOneBlock(ports, tab.table, tab.changes);
    rows += tab.changes.size;
  }
  const formResponses = plan.forms.reduce((n, id) => n + ports.forms.deleteAllResponses(id), 0);
  if (plan.cohort.current) {
    const raw = ports.store.get(LAST_FAILURE);
    if (raw) ports.store.set(LAST_FAILURE, scrubText(plan.scrubber, raw));
    for (const prefix of PERSONAL_PREFIXES)
      for (const key of ports.store.keys(prefix)) ports.store.delete(key);
    for (const key of PERSONAL_KEYS) if (ports.store.get(key) !== null) ports.store.delete(key);
  }
  return { rows, formResponses, events: calendar.removed, failed: calendar.failed };
}

/** "7 applicant rows, 40 Outbox rows, …": what a cohort's erasure will change. */
export function erasureInventory(plan: CohortErasure): string {
  const parts = Object.entries(plan.rows).map(([name, n]) => `${name}: ${plural(n, 'row')}`);
  if (plan.forms.length) parts.push(`the responses kept inside ${plural(plan.forms.length, 'Google Form')}`);
  if (plan.calendar.events.length) parts.push(`their places on ${plan.calendar.events.length} future events`);
  return parts.join('; ');
}
