import { programmeDatesText } from '../../domain/dates';
import { acknowledgementKey } from '../../domain/default-templates';
import { applicationForm } from '../../domain/forms/spec';
import {
  type Application,
  CROSS_ROLE_PROBLEM,
  crossRoleProblem,
  emailAnswer,
  parseApplication,
} from '../../domain/intake';
import { parseRole, parseStatus, type Role } from '../../domain/status';
import { isValidEmail, normaliseEmail } from '../../domain/text';
import type { Cell, Ports, RowValues, Table } from '../../ports';
import type { Budget } from '../budget';
import { deadlineOf, formRef, readProgramme, readSettings, readTemplates, senderOf } from '../context';
import { writeLog } from '../log';
import { type DeliveryReport, deliverOutbox } from '../outbox/deliver';
import { type PlannedEmail, type QueueReport, queueEmails } from '../outbox/queue';
import { assertTemplatesUsable, renderEmail } from '../outbox/render';
import { APPLICANT, applicantsTab, TAB } from '../tabs';
import { updateAsOneBlock } from '../write';
import { applicationValues, nextIds, PROBLEM_SEPARATOR, problemsOf } from './applicantRow';

export interface IntakeReport {
  readonly imported: number;
  readonly updated: number;
  readonly problems: number;
  readonly queue: QueueReport;
  readonly delivery: DeliveryReport;
}

/** One applicant as intake works on it: their row (if any) and the values to write. */
interface Working {
  readonly role: Role;
  readonly email: string;
  rowNumber: number | null;
  values: RowValues;
  changed: boolean;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** A response's identity: who, in which role, when. Sorting the response tab changes nothing. */
function responseId(role: Role, email: string, timestamp: Cell | undefined): string {
  const when = isDate(timestamp) ? timestamp.toISOString() : String(timestamp ?? '');
  return `${role}|${email}|${when}`;
}

function personKey(role: Role, app: Pick<Application, 'email'>, timestamp: Cell | undefined): string {
  const email = normaliseEmail(app.email);
  return email
    ? `${role}|${email}`
    : `${role}|(no email ${isDate(timestamp) ? timestamp.toISOString() : String(timestamp)})`;
}

/**
 * Intake: every response in the mentor and mentee response tabs that is not yet in Applicants is
 * validated and upserted (latest submission wins; the number and times of submissions are kept);
 * people who applied in both roles are flagged on both rows; each applicant is acknowledged once.
 * The raw response rows are only read, never changed. Re-running imports nothing twice, so a
 * duplicated or a missed trigger event makes no difference.
 */
export function importApplications(ports: Ports, budget: Budget): IntakeReport {
  const { settings } = readSettings(ports);
  const deadline = deadlineOf(ports, settings);
  ports.workbook.ensureTab(applicantsTab);
  const applicants = ports.workbook.read(TAB.applicants);
  const working = new Map<string, Working>();
  const seen = new Set<string>();
  for (const row of applicants.rows) {
    const role = parseRole(String(row.values[APPLICANT.role] ?? ''));
    if (!role) continue;
    const email = normaliseEmail(String(row.values[APPLICANT.email] ?? ''));
    const key = email ? `${role}|${email}` : `${role}|(row ${row.rowNumber})`;
    if (!working.has(key))
      working.set(key, { role, email, rowNumber: row.rowNumber, values: { ...row.values }, changed: false });
    for (const when of String(row.values[APPLICANT.history] ?? '').split('\n')) {
      if (when.trim()) seen.add(`${role}|${email}|${when.trim()}`);
    }
  }
  const ids = nextIds(applicants.rows.map((r) => String(r.values[APPLICANT.id] ?? '')));
  let imported = 0;
  let updated = 0;
  for (const role of ['mentor', 'mentee'] as const) {
    const ref = formRef(ports, role);
    if (!ref || !ports.workbook.hasTab(ref.responseTab)) continue;
    const responses = ports.workbook.read(ref.responseTab);
    const emailTitle = applicationForm(role).items.find((i) => i.key === 'email')?.title ?? '';
    for (const response of responses.rows) {
      const timestamp = response.values.Timestamp;
      // Known responses are recognised before parsing: intake stays cheap however many there are.
      // Read exactly as parseApplication reads it (a cell may hold a number or a date), so the id
      // matches the one recorded in the history and a response is never imported twice.
      const id = responseId(role, emailAnswer(response.values[emailTitle]), timestamp);
      if (seen.has(id)) continue;
      seen.add(id);
      const submittedAt = isDate(timestamp) ? timestamp : ports.clock.now();
      const app = parseApplication(role, response.values, {
        submittedAt,
        deadline,
        eligibleNations: settings.eligibleNations,
      });
      const key = personKey(role, app, timestamp);
      const existing = working.get(key);
      const history = [
        existing ? String(existing.values[APPLICANT.history] ?? '').trim() : '',
        id.split('|')[2],
      ]
        .filter(Boolean)
        .join('\n');
      const values: RowValues = {
        ...(existing?.values ?? {}),
        ...applicationValues(app),
        [APPLICANT.problems]: app.problems.join(PROBLEM_SEPARATOR),
        [APPLICANT.submissions]: history.split('\n').length,
        [APPLICANT.history]: history,
      };
      if (!existing) {
        values[APPLICANT.id] = ids[role]();
        values[APPLICANT.status] = 'Applied';
        working.set(key, { role, email: normaliseEmail(app.email), rowNumber: null, values, changed: true });
        imported++;
      } else {
        if (existing.rowNumber !== null) updated++;
        existing.values = values;
        existing.changed = true;
      }
    }
  }
  flagCrossRole([...working.values()]);
  writeApplicants(ports, applicants, [...working.values()]);
  const queue = queueEmails(ports, acknowledgements(ports, [...working.values()], settings), {
    dryRun: settings.dryRun,
  });
  const delivery = deliverOutbox(ports, senderOf(settings), budget);
  const withProblems = [...working.values()].filter(
    (w) => w.changed && problemsOf(w.values[APPLICANT.problems]).length > 0,
  ).length;
  if (imported + updated > 0) {
    writeLog(ports, [
      {
        level: withProblems > 0 ? 'warning' : 'info',
        action: 'New application',
        message: `${imported} new, ${updated} updated, ${withProblems} with problems; ${queue.queued} acknowledgement(s) queued, ${delivery.sent} sent.`,
      },
    ]);
  }
  return { imported, updated, problems: withProblems, queue, delivery };
}

/** "You will be unable to apply as both a mentor and mentee": both rows say so. */
function flagCrossRole(people: Working[]): void {
  const flags = crossRoleProblem(
    people.map((p) => ({
      email: p.email,
      role: p.role,
      status: parseStatus(String(p.values[APPLICANT.status] ?? '')) ?? undefined,
    })),
  );
  people.forEach((person, i) => {
    const others = problemsOf(person.values[APPLICANT.problems]).filter((p) => p !== CROSS_ROLE_PROBLEM);
    const next = (flags[i] ? [...others, flags[i]] : others).join(PROBLEM_SEPARATOR);
    if (next !== String(person.values[APPLICANT.problems] ?? '')) {
      person.values = { ...person.values, [APPLICANT.problems]: next };
      person.changed = true;
    }
  });
}

function writeApplicants(ports: Ports, table: Table, people: Working[]): void {
  const changes = new Map<number, RowValues>();
  const appends: RowValues[] = [];
  for (const person of people) {
    if (!person.changed) continue;
    if (person.rowNumber === null) appends.push(person.values);
    else changes.set(person.rowNumber, person.values);
  }
  updateAsOneBlock(ports, table, changes);
  ports.workbook.append(table, appends);
}

/** One acknowledgement per person and role, ever: the Outbox key makes a second one impossible. */
function acknowledgements(
  ports: Ports,
  people: Working[],
  settings: ReturnType<typeof readSettings>['settings'],
): PlannedEmail[] {
  const templates = readTemplates(ports);
  assertTemplatesUsable(templates, [acknowledgementKey('mentor'), acknowledgementKey('mentee')]);
  const programme = readProgramme(ports);
  // Nobody to write to and nobody waiting to hear: a withdrawn row with no address (an erased person).
  const reachable = people.filter(
    (p) => p.email !== '' || String(p.values[APPLICANT.status] ?? '') !== 'Withdrawn',
  );
  return reachable.map((person) => {
    const name = String(person.values[APPLICANT.name] ?? '');
    const template = acknowledgementKey(person.role);
    return renderEmail(templates, template, {
      key: `${template}:${person.email || String(person.values[APPLICANT.id])}`,
      to: person.email,
      name,
      values: {
        name: name || 'applicant',
        programmeName: settings.programmeName,
        coordinatorName: settings.coordinatorName,
        coordinatorEmail: settings.coordinatorEmail,
        dates: programmeDatesText(programme, person.role),
      },
      blockedBy: isValidEmail(person.email)
        ? undefined
        : `No valid email address ("${person.email}"): nothing can be sent.`,
    });
  });
}
