import { formatLongDate, isDate, parseIsoDate, programmeDatesText } from '../../domain/dates';
import { acknowledgementKey } from '../../domain/default-templates';
import { applicationForm } from '../../domain/forms/spec';
import {
  type Application,
  CROSS_ROLE_PROBLEM,
  crossRoleProblem,
  emailAnswer,
  parseApplication,
} from '../../domain/intake';
import {
  EMPTY_HISTORY,
  floodProblem,
  historyText,
  nextHistory,
  readAgain,
  readHistory,
  type SubmissionHistory,
} from '../../domain/intake/history';
import type { Settings } from '../../domain/settings';
import { parseRole, parseStatus, ROLE_LABELS, type Role } from '../../domain/status';
import { isValidEmail, normaliseEmail, plural, textOf, trimmedText } from '../../domain/text';
import { confirmationNote, mayExpectPlace, problemNote } from '../../domain/wording';
import type { Ports, RowValues, Table, TableRow } from '../../ports';
import type { Budget } from '../budget';
import {
  baseValues,
  deadlineOf,
  formRef,
  readProgramme,
  readSettings,
  readTemplates,
  senderOf,
  todayOf,
} from '../context';
import { HANDLER } from '../handlers';
import { writeLog } from '../log';
import { type DeliveryReport, deliverOutbox, deliveryText } from '../outbox/deliver';
import { type PlannedEmail, type QueueReport, queueEmails } from '../outbox/queue';
import { assertTemplatesUsable, renderEmail } from '../outbox/render';
import { APPLICANT, applicantsTab } from '../tabs';
import { updateAsOneBlock } from '../write';
import { applicationValues, nextIds, PROBLEM_SEPARATOR, problemsOf } from './applicantRow';
import { type HeldChange, holdChanges } from './changes';
import { intakeProblem, keepIntakeProblems } from './intakeProblems';
import { emailHash, Registry } from './registry';
import { newResponses, type ResponseBatch } from './responses';

/** Response rows one run takes in at most: the rest go to a continuation, so a flood never stalls intake. */
export const ROWS_PER_RUN = 1500;

export interface IntakeReport {
  readonly imported: number;
  readonly updated: number;
  /** Submissions held for the coordinator's review (after a decision, or after the deadline). */
  readonly held: number;
  readonly problems: number;
  /** "ME-004 Sam Lee: Submitted after the deadline" for the people this run changed, to name them. */
  readonly named: readonly string[];
  readonly queue: QueueReport;
  readonly delivery: DeliveryReport;
}

/** One applicant as intake works on it: their row (if any), the values to write, their history. */
interface Working {
  readonly role: Role;
  readonly email: string;
  rowNumber: number | null;
  values: RowValues;
  history: SubmissionHistory;
  /** When the answers in `values` were sent (their latest applied submission). */
  appliedAt: number;
  changed: boolean;
  /** This run applied a new submission for a person who already had one: they hear of it. */
  resubmitted: boolean;
  fresh: boolean;
}

const DECIDED = new Set(['Selected', 'Waitlisted', 'Not selected', 'Withdrawn']);

function isBlank(row: TableRow): boolean {
  return Object.entries(row.values).every(([h, v]) => h === 'Timestamp' || v === '' || v === undefined);
}

/**
 * Intake: the form responses not yet taken in (read through a cursor, so each costs what one row
 * costs) are validated and applied. Before a decision and the deadline the latest submission wins,
 * and a person who sends again is told (at most once a day). After either, a new submission never
 * overwrites the person's row: it waits in the Changes tab for the coordinator, and the address is
 * told. Each person's history is kept bounded (a count, the first and the last few), a flood from
 * one address is said in words, people who applied in both roles are flagged on both rows, each
 * applicant is acknowledged once, and a row deleted from Applicants by mistake comes back. The raw
 * response rows are only read, never changed, and one that cannot be read is marked on its own row.
 */
export function importApplications(ports: Ports, budget: Budget): IntakeReport {
  const { settings } = readSettings(ports);
  const deadline = deadlineOf(ports, settings).getTime();
  ports.workbook.ensureTab(applicantsTab);
  const applicants = ports.workbook.read(applicantsTab);
  const registry = new Registry(ports.store);
  const working = new Map<string, Working>();
  const byId = new Map<string, Working>();
  for (const row of applicants.rows) {
    const role = parseRole(textOf(row.values[APPLICANT.role]));
    if (!role) continue;
    const email = normaliseEmail(textOf(row.values[APPLICANT.email]));
    const key = email ? `${role}|${email}` : `${role}|(row ${row.rowNumber})`;
    const last = row.values[APPLICANT.submittedAt];
    const w: Working = {
      role,
      email,
      rowNumber: row.rowNumber,
      values: { ...row.values },
      history: readHistory(row.values[APPLICANT.history], row.values[APPLICANT.submissions]),
      appliedAt: isDate(last) ? last.getTime() : 0,
      changed: false,
      resubmitted: false,
      fresh: false,
    };
    if (!working.has(key)) working.set(key, w);
    const id = trimmedText(row.values[APPLICANT.id]);
    if (id) byId.set(id, w);
  }
  // The registry's IDs too: a deleted row's person comes back with theirs, which is not free.
  const ids = nextIds([
    ...applicants.rows.map((r) => textOf(r.values[APPLICANT.id])),
    ...registry.all().map((k) => k.id),
  ]);
  let imported = 0;
  let updated = 0;
  let more = false;
  const held: HeldChange[] = [];
  const batches: ResponseBatch[] = [];
  const now = ports.clock.now().getTime();
  const when = (ms: number) => shownTime(ports, settings, ms);
  for (const role of ['mentor', 'mentee'] as const) {
    const ref = formRef(ports, role);
    if (!ref || !ports.workbook.hasTab(ref.responseTab)) continue;
    const batch = newResponses(ports, `intake:cursor:${role}`, ref.responseTab, ROWS_PER_RUN);
    more ||= batch.more;
    if (batch.fromTop) {
      // Counted afresh from the top: what each person sent before is counted again below.
      for (const w of working.values())
        if (w.role === role) {
          w.history = EMPTY_HISTORY;
          w.changed = true;
        }
    }
    restoreDeleted(ports, registry, byId, working, role, ref.responseTab, settings, deadline);
    const emailTitle = applicationForm(role).items.find((i) => i.key === 'email')?.title ?? '';
    for (const response of batch.table.rows) {
      if (isBlank(response)) continue;
      try {
        const timestamp = response.values.Timestamp;
        const at = isDate(timestamp) ? timestamp.getTime() : now;
        const app = parseApplication(role, response.values, {
          submittedAt: new Date(at),
          deadline: new Date(deadline),
          eligibleNations: settings.eligibleNations,
        });
        const email = addressOf(app, response.values, emailTitle, settings);
        const key = email
          ? `${role}|${email}`
          : `${role}|(no email, row ${response.rowNumber} of ${ref.responseTab})`;
        const person = working.get(key);
        if (!person) {
          const values: RowValues = {
            ...applicationValues({ ...app, email }),
            [APPLICANT.id]: ids[role](),
            [APPLICANT.status]: 'Applied',
            [APPLICANT.problems]: app.problems.join(PROBLEM_SEPARATOR),
            [APPLICANT.firstSubmitted]: new Date(at),
          };
          const w: Working = {
            role,
            email,
            rowNumber: null,
            values,
            history: nextHistory(EMPTY_HISTORY, when(at)),
            appliedAt: at,
            changed: true,
            resubmitted: false,
            fresh: true,
          };
          working.set(key, w);
          byId.set(String(values[APPLICANT.id]), w);
          imported++;
          continue;
        }
        // Applied already (an older row, or this one read again after a run was cut off): counted,
        // once, but not applied again.
        const seenBefore = at <= person.appliedAt;
        const again = readAgain({
          fromTop: batch.fromTop,
          at,
          shownAt: when(at),
          rowAt: person.appliedAt,
          history: person.history,
        });
        if (!again) person.history = nextHistory(person.history, when(at));
        person.changed = true;
        if (seenBefore) continue;
        const status = textOf(person.values[APPLICANT.status]);
        const decided = DECIDED.has(parseStatus(status) ?? '');
        if (decided || at > deadline) {
          held.push({
            person: {
              id: textOf(person.values[APPLICANT.id]),
              name: textOf(person.values[APPLICANT.name]),
              role,
              email: person.email,
              values: person.values,
            },
            app: { ...app, email },
            at,
            tab: ref.responseTab,
            row: response.rowNumber,
            reason: decided ? 'decided' : 'late',
          });
          continue;
        }
        person.values = {
          ...person.values,
          ...applicationValues({ ...app, email }),
          [APPLICANT.problems]: app.problems.join(PROBLEM_SEPARATOR),
        };
        person.appliedAt = at;
        person.resubmitted = person.rowNumber !== null || person.resubmitted;
        if (person.rowNumber !== null) updated++;
      } catch (e) {
        // Never lose a response, never stop the others: it gets a row that says what went wrong.
        const message = e instanceof Error ? e.message : String(e);
        const key = `${role}|(row ${response.rowNumber} of ${ref.responseTab})`;
        if (working.has(key)) continue;
        const w: Working = {
          role,
          email: '',
          rowNumber: null,
          values: {
            [APPLICANT.id]: ids[role](),
            [APPLICANT.role]: ROLE_LABELS[role],
            [APPLICANT.status]: 'Applied',
            [APPLICANT.problems]: intakeProblem.unreadable(ref.responseTab, response.rowNumber, message),
          },
          history: EMPTY_HISTORY,
          appliedAt: now,
          changed: true,
          resubmitted: false,
          fresh: true,
        };
        working.set(key, w);
        imported++;
      }
    }
    writePeople(ports, applicants, [...working.values()]);
    batches.push(batch);
  }
  for (const w of working.values()) {
    const id = trimmedText(w.values[APPLICANT.id]);
    registry.note(id, w.role, w.email, w.values[APPLICANT.status]);
  }
  registry.save();
  const changes = holdChanges(ports, held, settings);
  const people = [...working.values()].filter((w) => w.changed);
  const queue = queueEmails(
    ports,
    [...acknowledgements(ports, people, settings), ...changes.emails, ...notices(ports, people, settings)],
    {
      dryRun: settings.dryRun,
    },
  );
  // The cursors move only once every email these responses call for is in the Outbox: a run cut
  // off before that reads them again, and acknowledges whoever it had not yet.
  for (const batch of batches) batch.save();
  if (more) ports.triggers.scheduleOnce(HANDLER.continueIntake, 60_000);
  const delivery = deliverOutbox(ports, senderOf(settings), budget);
  const named = people
    .filter((w) => w.fresh || w.resubmitted)
    .map((w) => {
      const who = `${textOf(w.values[APPLICANT.id])} ${textOf(w.values[APPLICANT.name])}`.trim();
      const problems = problemsOf(w.values[APPLICANT.problems]);
      return problems.length ? `${who}: ${problems.join('; ')}` : who;
    });
  const withProblems = people.filter(
    (w) => (w.fresh || w.resubmitted) && problemsOf(w.values[APPLICANT.problems]).length > 0,
  ).length;
  if (imported + updated + held.length > 0) {
    writeLog(ports, [
      {
        level: withProblems > 0 || delivery.stoppedFor === 'settings' ? 'warning' : 'info',
        action: 'New application',
        message: logText(imported, updated, held.length, named, queue, delivery),
      },
    ]);
  }
  return { imported, updated, held: held.length, problems: withProblems, named, queue, delivery };
}

/** "2 new, 1 updated, 1 held for review: ME-004 Sam Lee (Submitted after the deadline), MR-002 …; 3 acknowledgements queued, 3 sent." */
function logText(
  imported: number,
  updated: number,
  held: number,
  named: readonly string[],
  queue: QueueReport,
  delivery: DeliveryReport,
): string {
  const list = named.slice(0, 10).join(' | ');
  const rest = named.length > 10 ? ` | … and ${named.length - 10} more` : '';
  return (
    `${imported} new, ${updated} updated${held ? `, ${held} held for review (Changes tab)` : ''}` +
    `${named.length ? `: ${list}${rest}` : ''}. ${plural(queue.queued, 'email')} queued. ${deliveryText(delivery)}`
  );
}

/** The address that counts: the one Google verified when sign-in is required, else the one typed. */
function addressOf(
  app: Application,
  values: Readonly<RowValues>,
  emailTitle: string,
  settings: Settings,
): string {
  if (!settings.requireSignIn) return app.email;
  const verified = emailAnswer(values['Email Address']);
  if (verified && isValidEmail(verified)) {
    if (verified !== emailAnswer(values[emailTitle]))
      app.problems.push(intakeProblem.typedDiffers(emailAnswer(values[emailTitle])));
    return verified;
  }
  app.problems.push(intakeProblem.noVerifiedAddress);
  return app.email;
}

/** The time as the Sheet shows it, in the programme's zone, to the minute: '03/04/2025 11:00'. */
function shownTime(ports: Pick<Ports, 'clock'>, settings: Settings, ms: number): string {
  const w = ports.clock.wallClock(new Date(ms), settings.timeZone); // 'YYYY-MM-DD HH:mm'
  return `${w.slice(8, 10)}/${w.slice(5, 7)}/${w.slice(0, 4)} ${w.slice(11, 16)}`;
}

/**
 * Flags on each row: the history (bounded), a flood, people in both roles. Then writes what changed
 * in one block and appends the new people.
 */
function writePeople(ports: Ports, table: Table, people: Working[]): void {
  const flags = crossRoleProblem(
    people.map((p) => ({
      email: p.email,
      role: p.role,
      status: parseStatus(textOf(p.values[APPLICANT.status])) ?? undefined,
    })),
  );
  const changes = new Map<number, RowValues>();
  const appended: Working[] = [];
  people.forEach((person, i) => {
    const own = problemsOf(person.values[APPLICANT.problems]).filter(
      (p) => p !== CROSS_ROLE_PROBLEM && !intakeProblem.isFlood(p),
    );
    const flood = floodProblem(person.history);
    const problems = keepIntakeProblems([...own, ...(flood ? [flood] : []), ...(flags[i] ? [flags[i]] : [])]);
    const next: RowValues = {
      ...person.values,
      [APPLICANT.problems]: problems.join(PROBLEM_SEPARATOR),
      [APPLICANT.submissions]: person.history.count || '',
      [APPLICANT.history]: historyText(person.history),
      ...(person.appliedAt ? { [APPLICANT.submittedAt]: new Date(person.appliedAt) } : {}),
    };
    if (!person.changed && next[APPLICANT.problems] === textOf(person.values[APPLICANT.problems])) return;
    person.values = next;
    person.changed = true;
    if (person.rowNumber === null) appended.push(person);
    else changes.set(person.rowNumber, next);
  });
  updateAsOneBlock(ports, table, changes);
  // A second batch (the other role) in the same run must update these rows, not append them again.
  const rows = ports.workbook.append(
    table,
    appended.map((p) => p.values),
  );
  appended.forEach((person, k) => {
    person.rowNumber = rows[k] ?? null;
  });
}

/**
 * A person Cohort knew whose row is gone from Applicants (deleted by mistake) comes back, with their
 * ID and the last status Cohort saw, from their latest response in this batch or the tab.
 */
function restoreDeleted(
  ports: Ports,
  registry: Registry,
  byId: Map<string, Working>,
  working: Map<string, Working>,
  role: Role,
  responseTab: string,
  settings: Settings,
  deadline: number,
): void {
  const missing = registry.all().filter((k) => k.role === role && !byId.has(k.id));
  if (missing.length === 0) return;
  // The whole tab, this once: the people to restore may have applied at any time.
  const responses = ports.workbook.read(responseTab);
  const emailTitle = applicationForm(role).items.find((i) => i.key === 'email')?.title ?? '';
  for (const k of missing) {
    let latest: TableRow | undefined;
    for (const r of responses.rows) {
      const email = emailAnswer(r.values[emailTitle]);
      if (k.email && emailHash(email) === k.email) latest = r;
    }
    if (!latest) continue;
    const timestamp = latest.values.Timestamp;
    const at = isDate(timestamp) ? timestamp.getTime() : ports.clock.now().getTime();
    const app = parseApplication(role, latest.values, {
      submittedAt: new Date(at),
      deadline: new Date(deadline),
      eligibleNations: settings.eligibleNations,
    });
    const w: Working = {
      role,
      email: app.email,
      rowNumber: null,
      values: {
        ...applicationValues(app),
        [APPLICANT.id]: k.id,
        [APPLICANT.status]: k.status,
        [APPLICANT.problems]: [intakeProblem.restored(k.id, k.status), ...app.problems].join(
          PROBLEM_SEPARATOR,
        ),
      },
      history: nextHistory(EMPTY_HISTORY, shownTime(ports, settings, at)),
      appliedAt: at,
      changed: true,
      resubmitted: false,
      fresh: false,
    };
    working.set(`${role}|${app.email}`, w);
    byId.set(k.id, w);
  }
}

/** One acknowledgement per person and role, ever: the Outbox key makes a second one impossible. */
function acknowledgements(ports: Ports, people: Working[], settings: Settings): PlannedEmail[] {
  const templates = readTemplates(ports);
  assertTemplatesUsable(templates, [acknowledgementKey('mentor'), acknowledgementKey('mentee')]);
  const programme = readProgramme(ports);
  // Nobody to write to and nobody waiting to hear: a withdrawn row with no address (an erased person).
  const reachable = people.filter(
    (p) => p.email !== '' || textOf(p.values[APPLICANT.status]) !== 'Withdrawn',
  );
  return reachable.map((person) => {
    const name = textOf(person.values[APPLICANT.name]);
    const template = acknowledgementKey(person.role);
    const problems = problemsOf(person.values[APPLICANT.problems]);
    const dates = programmeDatesText(programme, person.role, todayOf(ports, settings));
    return renderEmail(templates, template, {
      key: `${template}:${person.email || String(person.values[APPLICANT.id])}`,
      to: person.email,
      name,
      values: {
        ...baseValues(settings),
        name: name || 'applicant',
        dates,
        // Someone who cannot expect a place is told why and what to do, not to keep dates free.
        problemNote: problemNote(problems, person.role, {
          eligibleNations: settings.eligibleNations,
          deadline: formatLongDate(parseIsoDate(settings.applicationDeadline.slice(0, 10))!),
        }),
        datesNote: mayExpectPlace(problems)
          ? [
              confirmationNote(programme, todayOf(ports, settings)),
              `In the meantime, please keep these dates free (all online):\n${dates}`,
            ]
              .filter(Boolean)
              .join('\n\n')
          : '',
      },
      blockedBy: isValidEmail(person.email)
        ? undefined
        : `No valid email address ("${person.email}"): nothing can be sent.`,
    });
  });
}

/** "We received an updated application": at most one a day to an address whose answers changed. */
function notices(ports: Ports, people: Working[], settings: Settings): PlannedEmail[] {
  const resent = people.filter((p) => p.resubmitted && isValidEmail(p.email));
  if (resent.length === 0) return [];
  const templates = readTemplates(ports);
  const day = ports.clock.wallClock(ports.clock.now(), settings.timeZone).slice(0, 10);
  return resent.map((person) =>
    renderEmail(templates, 'application-change-notice', {
      key: `application-change-notice:${person.email}:${day}`,
      to: person.email,
      name: textOf(person.values[APPLICANT.name]),
      values: {
        ...baseValues(settings),
        name: textOf(person.values[APPLICANT.name]) || 'applicant',
        role: person.role,
      },
    }),
  );
}
