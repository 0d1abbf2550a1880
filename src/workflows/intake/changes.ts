import { type Application, parseApplication } from '../../domain/intake';
import type { Settings } from '../../domain/settings';
import { ROLE_LABELS, type Role } from '../../domain/status';
import { isValidEmail, textOf, trimmedText } from '../../domain/text';
import type { Ports, RowValues } from '../../ports';
import { baseValues, readTemplates } from '../context';
import type { PlannedEmail } from '../outbox/queue';
import { renderEmail } from '../outbox/render';
import { APPLICANT, applicantsTab, CHANGE, changesTab } from '../tabs';
import { updateAsOneBlock } from '../write';
import { applicationValues, PROBLEM_SEPARATOR } from './applicantRow';

/** A submission that may not overwrite its person's row: it waits for the coordinator. */
export interface HeldChange {
  readonly person: {
    readonly id: string;
    readonly name: string;
    readonly role: Role;
    readonly email: string;
    readonly values: Readonly<RowValues>;
  };
  readonly app: Application;
  readonly at: number;
  readonly tab: string;
  readonly row: number;
  /** Why it is held: the person has a decision, or the deadline has passed. */
  readonly reason: 'decided' | 'late';
}

/** The fields a change can touch, as the coordinator reads them. */
const FIELDS: ReadonlyArray<readonly [string, string]> = [
  [APPLICANT.name, 'Name'],
  [APPLICANT.libraryService, 'Library service'],
  [APPLICANT.nation, 'Nation'],
  [APPLICANT.currentRole, 'Current role'],
  [APPLICANT.responsibility, 'Project or change'],
  [APPLICANT.areas, 'Areas'],
  [APPLICANT.otherArea, 'Other area'],
  [APPLICANT.capacity, 'Capacity'],
  [APPLICANT.statement, 'Statement'],
  [APPLICANT.consentData, 'Consent to data use'],
  [APPLICANT.consentEvaluation, 'Consent to evaluation'],
];

const short = (v: unknown) => {
  const s = textOf(v).replace(/\s+/g, ' ');
  return s.length > 80 ? `${s.slice(0, 79)}…` : s || '(empty)';
};

/** "Library service: Kent Libraries → Surrey Libraries; Capacity: 2 → 3", bounded. */
export function whatWouldChange(before: Readonly<RowValues>, app: Application): string {
  const after = applicationValues(app);
  const parts = FIELDS.filter(([h]) => textOf(before[h]) !== textOf(after[h])).map(
    ([h, label]) => `${label}: ${short(before[h])} → ${short(after[h])}`,
  );
  const text = parts.join('; ') || 'The same answers as before';
  return text.length > 1500 ? `${text.slice(0, 1499)}…` : text;
}

/**
 * Writes the held changes to the Changes tab (one waiting row per person: a newer change replaces
 * the one waiting), and plans one email a day to each address: "we received a change; if it was not
 * you, tell the coordinator".
 */
export function holdChanges(
  ports: Ports,
  held: readonly HeldChange[],
  settings: Settings,
): { emails: PlannedEmail[] } {
  if (held.length === 0) return { emails: [] };
  ports.workbook.ensureTab(changesTab);
  const table = ports.workbook.read(changesTab);
  const waiting = new Map(
    table.rows
      .filter((r) => textOf(r.values[CHANGE.status]) === 'Waiting for review')
      .map((r) => [textOf(r.values[CHANGE.id]), r]),
  );
  const latest = new Map<string, HeldChange & { received: number }>();
  for (const h of held) {
    const before = latest.get(h.person.id);
    latest.set(h.person.id, { ...h, received: (before?.received ?? 0) + 1 });
  }
  const updates = new Map<number, RowValues>();
  const appends: RowValues[] = [];
  for (const h of latest.values()) {
    const row = waiting.get(h.person.id);
    const values: RowValues = {
      [CHANGE.received]: new Date(h.at),
      [CHANGE.id]: h.person.id,
      [CHANGE.name]: h.person.name,
      [CHANGE.role]: ROLE_LABELS[h.person.role],
      [CHANGE.email]: h.person.email,
      [CHANGE.what]: whatWouldChange(h.person.values, h.app),
      [CHANGE.count]: (Number(row?.values[CHANGE.count]) || 0) + h.received,
      [CHANGE.tab]: h.tab,
      [CHANGE.row]: h.row,
      [CHANGE.status]: 'Waiting for review',
    };
    if (row) updates.set(row.rowNumber, values);
    else appends.push(values);
  }
  updateAsOneBlock(ports, table, updates);
  ports.workbook.append(table, appends);
  const templates = readTemplates(ports);
  const day = ports.clock.wallClock(ports.clock.now(), settings.timeZone).slice(0, 10);
  const emails = [...latest.values()]
    .filter((h) => isValidEmail(h.person.email))
    .map((h) =>
      renderEmail(templates, 'application-change-held', {
        key: `application-change-held:${h.person.email}:${day}`,
        to: h.person.email,
        name: h.person.name,
        values: {
          ...baseValues(settings),
          name: h.person.name || 'applicant',
          role: h.person.role,
          reason:
            h.reason === 'decided'
              ? 'the decisions about places have been made'
              : 'the application deadline has passed',
        },
      }),
    );
  return { emails };
}

/** The words Cohort adds to a row's notes once it has settled it. */
const APPLIED_ON = 'Applied on';
const REJECTED_ON = 'Rejected on';

/**
 * What the coordinator chose for a Changes row, or null. The Status list offers Accept and Reject and
 * also Cohort's own marks, Accepted and Rejected: one of those that Cohort did not write (its notes
 * lack Cohort's words) is the coordinator's choice too, and is carried out the same.
 */
function decisionOf(values: RowValues): 'accept' | 'reject' | null {
  const status = trimmedText(values[CHANGE.status]);
  const notes = textOf(values[CHANGE.notes]);
  if (status === 'Accept' || (status === 'Accepted' && !notes.includes(APPLIED_ON))) return 'accept';
  if (status === 'Reject' || (status === 'Rejected' && !notes.includes(REJECTED_ON))) return 'reject';
  return null;
}

/** The coordinator's notes with Cohort's mark after them (their words are kept). */
function marked(values: RowValues, mark: string): string {
  const notes = trimmedText(values[CHANGE.notes]);
  return notes ? `${notes} ${mark}` : mark;
}

/**
 * What the coordinator decided in the Changes tab: an accepted change is applied to the person's
 * row from its response row (read again, in full), a rejected one is marked so. Run by Check
 * applications. Returns how many of each.
 */
export function settleChanges(ports: Ports, settings: Settings): { accepted: string[]; rejected: number } {
  if (!ports.workbook.hasTab(changesTab.name)) return { accepted: [], rejected: 0 };
  const table = ports.workbook.read(changesTab);
  const decided = table.rows.filter((r) => decisionOf(r.values) !== null);
  if (decided.length === 0) return { accepted: [], rejected: 0 };
  const applicants = ports.workbook.read(applicantsTab);
  const byId = new Map(applicants.rows.map((r) => [trimmedText(r.values[APPLICANT.id]), r]));
  const rowChanges = new Map<number, RowValues>();
  const changeMarks = new Map<number, RowValues>();
  const accepted: string[] = [];
  let rejected = 0;
  const today = ports.clock.wallClock(ports.clock.now(), settings.timeZone).slice(0, 10);
  for (const r of decided) {
    const id = trimmedText(r.values[CHANGE.id]);
    if (decisionOf(r.values) === 'reject') {
      changeMarks.set(r.rowNumber, {
        [CHANGE.status]: 'Rejected',
        [CHANGE.notes]: marked(r.values, `${REJECTED_ON} ${today}.`),
      });
      rejected++;
      continue;
    }
    const person = byId.get(id);
    const tab = textOf(r.values[CHANGE.tab]);
    const row = Number(r.values[CHANGE.row]);
    if (!person || !ports.workbook.hasTab(tab) || !Number.isInteger(row)) {
      changeMarks.set(r.rowNumber, {
        [CHANGE.status]: 'Waiting for review',
        [CHANGE.notes]: `Could not be applied (${!person ? `no Applicants row ${id}` : `row ${row} of ${tab} is gone`}).`,
      });
      continue;
    }
    const response = ports.workbook.readRows(tab, row, row).rows[0];
    const role = textOf(person.values[APPLICANT.role]).toLowerCase() === 'mentor' ? 'mentor' : 'mentee';
    const app = parseApplication(role, response?.values ?? {}, {
      submittedAt: response?.values.Timestamp as Date,
      // Accepted by the coordinator: a late change is not flagged late again.
      deadline: new Date(8.64e15),
      eligibleNations: settings.eligibleNations,
    });
    const email = textOf(person.values[APPLICANT.email]);
    // A row deleted or moved in the response tab shifts the rows below it: the row recorded may now
    // hold someone else's answers, which must never be written over this person's.
    if (!response || app.email.trim().toLowerCase() !== email.trim().toLowerCase()) {
      changeMarks.set(r.rowNumber, {
        [CHANGE.status]: 'Waiting for review',
        [CHANGE.notes]: `Could not be applied: row ${row} of ${tab} ${response ? "now holds another address's response" : 'is empty now'} (were rows deleted or moved there?). Put the row of ${id}'s response in "${CHANGE.row}" and choose Accept again.`,
      });
      continue;
    }
    rowChanges.set(person.rowNumber, {
      ...applicationValues({ ...app, email }),
      [APPLICANT.problems]: app.problems.join(PROBLEM_SEPARATOR),
    });
    changeMarks.set(r.rowNumber, {
      [CHANGE.status]: 'Accepted',
      [CHANGE.notes]: marked(r.values, `${APPLIED_ON} ${today}.`),
    });
    accepted.push(`${id} ${textOf(person.values[APPLICANT.name])}`.trim());
  }
  updateAsOneBlock(ports, applicants, rowChanges);
  updateAsOneBlock(ports, table, changeMarks);
  return { accepted, rejected };
}
