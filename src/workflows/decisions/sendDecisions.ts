import { formatWallClockLong, programmeDatesText } from '../../domain/dates';
import { decisionKey } from '../../domain/default-templates';
import { fingerprint } from '../../domain/fingerprint';
import type { Settings } from '../../domain/settings';
import {
  type DecisionStatus,
  isDecisionStatus,
  parseRole,
  parseStatus,
  type Role,
} from '../../domain/status';
import { isValidEmail, normaliseEmail, plural, textOf } from '../../domain/text';
import { launchNote, launchOf, notSelectedReason } from '../../domain/wording';
import type { Ports } from '../../ports';
import { startBudget } from '../budget';
import { baseValues, readProgramme, readSettings, readTemplates, senderOf, senderProblem } from '../context';
import { HANDLER } from '../handlers';
import { problemsOf } from '../intake/applicantRow';
import { noteApplicants } from '../intake/registry';
import { writeLog } from '../log';
import { deliverOutbox, deliveryText } from '../outbox/deliver';
import { whenTheyGo } from '../outbox/forecast';
import { knownStatus, type PlannedEmail, queueEmails } from '../outbox/queue';
import { assertTemplatesUsable, renderEmail } from '../outbox/render';
import type { MenuAction } from '../run';
import { APPLICANT, applicantsTab, outboxTab } from '../tabs';

export interface DecisionPlan {
  readonly emails: PlannedEmail[];
  readonly byStatus: Record<DecisionStatus, number>;
  readonly alreadySent: number;
  /** Decisions queued by an earlier run and not sent yet (the quota or the time ran out): they go now. */
  readonly waiting: number;
  /** Decisions that failed or may have gone when a run was cut off: Retry failed emails deals with them. */
  readonly failedEarlier: number;
  /** "ME-004 Sam Typo: Email address is not valid" */
  readonly blocked: string[];
  /** When the last of them will go ("All 40 will go now."). */
  readonly when: string;
  /** Why nothing may go: people whose Applicants rows are gone ('' when none; noteApplicants). */
  readonly missing: string;
}

/** Who gets which decision now: one email per person and decision, ever. */
export function planDecisions(ports: Ports): DecisionPlan {
  const { settings } = readSettings(ports);
  const templates = readTemplates(ports);
  const keys = (['mentor', 'mentee'] as const).flatMap((r) =>
    (['Selected', 'Waitlisted', 'Not selected'] as const).map((s) => decisionKey(r, s)),
  );
  assertTemplatesUsable(templates, keys);
  const programme = readProgramme(ports);
  const launch = launchOf(programme);
  const now = ports.clock.wallClock(ports.clock.now(), settings.timeZone);
  const today = now.slice(0, 10);
  ports.workbook.ensureTab(outboxTab);
  const statusOf = knownStatus(ports, ports.workbook.read(outboxTab));
  const byStatus: Record<DecisionStatus, number> = { Selected: 0, Waitlisted: 0, 'Not selected': 0 };
  const emails: PlannedEmail[] = [];
  const blocked: string[] = [];
  let alreadySent = 0;
  let waiting = 0;
  let failedEarlier = 0;
  const applicants = ports.workbook.read(applicantsTab);
  const missing = noteApplicants(ports.store, applicants);
  for (const row of applicants.rows) {
    const v = row.values;
    const role = parseRole(textOf(v[APPLICANT.role]));
    const status = parseStatus(textOf(v[APPLICANT.status]));
    if (!role || !status || !isDecisionStatus(status)) continue;
    const email = normaliseEmail(textOf(v[APPLICANT.email]));
    const template = decisionKey(role, status);
    const key = `${template}:${email || String(v[APPLICANT.id])}`;
    const before = statusOf(key);
    if (before === 'sent') alreadySent++;
    else if (before === 'queued') waiting++;
    else if (before === 'failed' || before === 'unconfirmed') failedEarlier++;
    // Only a decision never written, or written as a preview (dry run), is planned.
    if (before !== '' && before !== 'preview' && before !== 'skipped') continue;
    const who = `${textOf(v[APPLICANT.id])} ${textOf(v[APPLICANT.name])}`.trim();
    // Saying "no" is fine whatever the problems; a place is offered only once they are resolved.
    const problems = status === 'Not selected' ? [] : problemsOf(v[APPLICANT.problems]);
    if (!isValidEmail(email)) {
      blocked.push(`${who}: no valid email address`);
      continue;
    }
    if (problems.length > 0) {
      blocked.push(`${who}: ${problems.join('; ')}`);
      continue;
    }
    byStatus[status]++;
    emails.push(
      renderEmail(templates, template, {
        key,
        to: email,
        name: textOf(v[APPLICANT.name]),
        values: {
          ...baseValues(settings),
          name: textOf(v[APPLICANT.name]),
          dates: programmeDatesText(programme, role as Role, today),
          launchNote: launchNote(role, launch, now),
          // A "no" says the real reason (not eligible, too late, both roles), not "too many".
          reason: notSelectedReason(problemsOf(v[APPLICANT.problems]), settings.eligibleNations),
        },
      }),
    );
  }
  const when = settings.dryRun ? '' : whenTheyGo(ports, emails.length + waiting);
  return { emails, byStatus, alreadySent, waiting, failedEarlier, blocked, when, missing };
}

/** "Send 41 emails: 23 selected, 10 waitlisted, 8 not selected; 12 already sent are skipped; 3 blocked by problems." */
export function previewText(plan: DecisionPlan, dryRun: boolean): string {
  const n = plan.emails.length;
  const head = [
    `${dryRun ? 'Write' : 'Send'} ${plural(n, dryRun ? 'preview' : 'email', dryRun ? 'previews' : 'emails')}: ${plan.byStatus.Selected} selected, ${plan.byStatus.Waitlisted} waitlisted, ${plan.byStatus['Not selected']} not selected`,
    `${plan.alreadySent} already sent ${plan.alreadySent === 1 ? 'is' : 'are'} skipped`,
    `${plan.blocked.length} blocked by problems`,
  ].join('; ');
  const parts = [
    `${head}.`,
    plan.waiting && !dryRun
      ? `${plural(plan.waiting, 'decision', 'decisions')} queued earlier will be sent too.`
      : '',
    plan.when,
    plan.failedEarlier
      ? `${plural(plan.failedEarlier, 'decision', 'decisions')} failed or may have gone earlier: use Retry failed emails.`
      : '',
    plan.blocked.length
      ? `Blocked (fix the problem, then send again):\n${plan.blocked.slice(0, 15).join('\n')}${plan.blocked.length > 15 ? `\n… and ${plan.blocked.length - 15} more` : ''}`
      : '',
    dryRun
      ? 'Practice mode is on in Settings: the emails are written to the Outbox as previews, and nothing is sent.'
      : '',
  ];
  return parts.filter(Boolean).join('\n');
}

interface DecisionRun {
  readonly settings: Settings;
  readonly plan: DecisionPlan;
  /** Why nothing may go yet (people missing from Applicants, an empty Settings cell), or null. */
  readonly stop: string | null;
  /** Before the application deadline: people may still apply. */
  readonly early: string;
}

function planRun(ports: Ports): DecisionRun {
  const { settings } = readSettings(ports);
  const deadline = ports.clock.instant(settings.applicationDeadline, settings.timeZone);
  const early =
    ports.clock.now().getTime() < deadline.getTime()
      ? `The application deadline (${formatWallClockLong(settings.applicationDeadline)}) has not passed yet: people can still apply, and will not be in these decisions.`
      : '';
  const plan = planDecisions(ports);
  return { settings, plan, stop: plan.missing || senderProblem(ports, settings), early };
}

/** What would go: the same emails, word for word, give the same fingerprint. */
function decisionsFingerprint({ settings, plan }: DecisionRun): string {
  return fingerprint([
    settings.dryRun,
    plan.waiting,
    plan.emails.map((e) => [e.key, e.to, e.subject, e.body]),
  ]);
}

/** Queues the planned decisions and sends what the quota and the time allow. */
function deliverDecisions(ports: Ports, { settings, plan }: DecisionRun): string {
  const budget = startBudget(ports.clock);
  const queue = queueEmails(ports, plan.emails, { dryRun: settings.dryRun });
  if (settings.dryRun) {
    const text = `${queue.previews} previews written to the Outbox tab; nothing was sent. Turn Practice mode off in Settings to send them.`;
    writeLog(ports, [{ level: 'info', action: 'Send decisions', message: text }]);
    return text;
  }
  const delivery = deliverOutbox(ports, senderOf(settings), budget);
  const text = deliveryText(delivery);
  writeLog(ports, [
    {
      level: delivery.failed ? 'warning' : 'info',
      action: 'Send decisions',
      message: `${queue.queued} queued. ${text}`,
    },
  ]);
  return text;
}

/** Nothing to send, in words. */
function nothingText(run: DecisionRun): string {
  return `Nothing new to send. ${previewText(run.plan, run.settings.dryRun).split('; ').slice(1).join('; ')}`;
}

/**
 * "Send decisions": each applicant with a decision status hears it once, after the coordinator has
 * seen the preview. If the plan changed while the preview was open (the scheduled decisions went,
 * a status was edited), the new plan is shown instead of acting on the old one.
 */
export const sendDecisionsAction: MenuAction<void, DecisionRun> = {
  name: 'Send decisions',
  plan: planRun,
  review: (run) => {
    if (run.stop) return { kind: 'stop', message: run.stop };
    const waiting = run.settings.dryRun ? 0 : run.plan.waiting;
    if (run.plan.emails.length === 0 && waiting === 0) return { kind: 'stop', message: nothingText(run) };
    return {
      kind: 'ask',
      question: [run.early, previewText(run.plan, run.settings.dryRun)].filter(Boolean).join('\n\n'),
      fingerprint: decisionsFingerprint(run),
    };
  },
  act: deliverDecisions,
};

/**
 * The "Send decisions on…" trigger: nobody is looking, so the plan simply goes. Only when the
 * coordinator scheduled it (a schedule cleared since, or a stray run, sends nothing).
 */
export function sendScheduledDecisions(ports: Ports): string {
  const at = ports.triggers.scheduledAt(HANDLER.scheduledDecisions);
  if (!at || at.getTime() > ports.clock.now().getTime()) return 'No decisions are due now.';
  ports.triggers.clearSchedules(HANDLER.scheduledDecisions);
  const run = planRun(ports);
  if (run.stop) throw new Error(run.stop);
  const waiting = run.settings.dryRun ? 0 : run.plan.waiting;
  if (run.plan.emails.length === 0 && waiting === 0) return nothingText(run);
  return deliverDecisions(ports, run);
}
