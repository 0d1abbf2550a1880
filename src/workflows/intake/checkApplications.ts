import { isDate } from '../../domain/dates';
import { CROSS_ROLE_PROBLEM, crossRoleProblem, parseApplication } from '../../domain/intake';
import { parseRole, parseStatus, ROLE_LABELS, type Role, STATUSES, type Status } from '../../domain/status';
import { plural, textOf } from '../../domain/text';
import type { Ports, RowValues } from '../../ports';
import { startBudget } from '../budget';
import { refreshLaunchOrder } from '../choices/launchOrder';
import { deadlineOf, readSettings } from '../context';
import { peopleOf, selected } from '../people';
import { APPLICANT, applicantsTab } from '../tabs';
import { updateAsOneBlock } from '../write';
import { answersFromRow, PROBLEM_SEPARATOR, problemsOf } from './applicantRow';
import { settleChanges } from './changes';
import { importApplications } from './importApplications';
import { intakeOnly, keepIntakeProblems } from './intakeProblems';

export interface CheckReport {
  readonly counts: Record<Role, Record<Status, number>>;
  readonly places: Record<Role, number>;
  readonly attention: string[];
  readonly imported: number;
  readonly changed: number;
  /** Changes the coordinator accepted in the Changes tab, now applied ("ME-004 Sam Lee"). */
  readonly accepted: readonly string[];
  readonly rejected: number;
}

/**
 * "Check applications": brings in any response a trigger missed, re-validates every row as it now
 * stands (the coordinator may have corrected an answer or changed Settings), refreshes Problems,
 * and reports counts per role and status against the places in Settings.
 */
export function checkApplications(ports: Ports): CheckReport {
  const { settings } = readSettings(ports);
  const decided = settleChanges(ports, settings);
  const intake = importApplications(ports, startBudget(ports.clock));
  const deadline = deadlineOf(ports, settings);
  const table = ports.workbook.read(applicantsTab);
  const people = table.rows.flatMap((row) => {
    const role = parseRole(textOf(row.values[APPLICANT.role]));
    return role ? [{ row, role, status: parseStatus(textOf(row.values[APPLICANT.status])) }] : [];
  });
  const flags = crossRoleProblem(
    people.map((p) => ({
      email: textOf(p.row.values[APPLICANT.email]),
      role: p.role,
      status: p.status ?? undefined,
    })),
  );
  const changes = new Map<number, RowValues>();
  const counts = { mentor: zero(), mentee: zero() };
  const attention: string[] = [];
  people.forEach((p, i) => {
    const submitted = p.row.values[APPLICANT.submittedAt];
    const app = parseApplication(p.role, answersFromRow(p.role, p.row.values), {
      submittedAt: isDate(submitted) ? submitted : ports.clock.now(),
      deadline,
      eligibleNations: settings.eligibleNations,
    });
    // What only intake could know (a flood, a restored row…) stays until the coordinator clears it.
    const kept = intakeOnly(problemsOf(p.row.values[APPLICANT.problems]));
    const problems = keepIntakeProblems([
      ...app.problems,
      ...kept,
      ...(flags[i] ? [CROSS_ROLE_PROBLEM] : []),
    ]);
    const text = problems.join(PROBLEM_SEPARATOR);
    if (text !== problemsOf(p.row.values[APPLICANT.problems]).join(PROBLEM_SEPARATOR))
      changes.set(p.row.rowNumber, { [APPLICANT.problems]: text });
    if (!p.status)
      problems.push(
        `Status "${textOf(p.row.values[APPLICANT.status])}" is not one of: ${STATUSES.join(', ')}`,
      );
    counts[p.role][p.status ?? 'Applied']++;
    if (problems.length > 0 && p.status !== 'Withdrawn' && p.status !== 'Not selected') {
      attention.push(
        `${textOf(p.row.values[APPLICANT.id])} ${textOf(p.row.values[APPLICANT.name])}: ${problems.join('; ')}`,
      );
    }
  });
  updateAsOneBlock(ports, table, changes);
  // The launch's running order follows the selected mentors (the coordinator can reorder it).
  const mentors = selected(peopleOf(ports.workbook.read(applicantsTab)), 'mentor');
  if (mentors.length > 0) refreshLaunchOrder(ports, mentors);
  const places = {
    mentor: settings.mentorPlaces - counts.mentor.Selected,
    mentee: settings.menteePlaces - counts.mentee.Selected,
  };
  return {
    counts,
    places,
    attention,
    imported: intake.imported,
    changed: changes.size,
    accepted: decided.accepted,
    rejected: decided.rejected,
  };
}

function zero(): Record<Status, number> {
  return { Applied: 0, Selected: 0, Waitlisted: 0, 'Not selected': 0, Withdrawn: 0 };
}

export function checkText(report: CheckReport): string {
  const lines = (['mentor', 'mentee'] as const).map((role) => {
    const c = report.counts[role];
    const total = STATUSES.reduce((n, s) => n + c[s], 0);
    const left = report.places[role];
    return `${ROLE_LABELS[role]}s: ${total} (${
      STATUSES.filter((s) => c[s] > 0)
        .map((s) => `${c[s]} ${s.toLowerCase()}`)
        .join(', ') || 'none'
    }); ${left >= 0 ? `${plural(left, 'place')} left` : `${-left} more selected than places`}.`;
  });
  if (report.imported)
    lines.push(
      `${report.imported === 1 ? '1 application was' : `${report.imported} applications were`} brought in from the response tabs.`,
    );
  if (report.accepted.length)
    lines.push(`Changes applied from the Changes tab: ${report.accepted.join(', ')}.`);
  if (report.rejected) lines.push(`${plural(report.rejected, 'change')} marked Rejected.`);
  lines.push(
    report.attention.length
      ? `Need attention (${report.attention.length}):\n${report.attention.slice(0, 20).join('\n')}${report.attention.length > 20 ? '\n…' : ''}`
      : 'No application needs attention.',
  );
  return lines.join('\n');
}
