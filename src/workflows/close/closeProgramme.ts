import { addDays } from '../../domain/close/calendarDays';
import { hasEnded } from '../../domain/close/retention';
import { formatDayDate } from '../../domain/dates';
import { fingerprint } from '../../domain/fingerprint';
import type { Settings } from '../../domain/settings';
import { plural } from '../../domain/text';
import type { Ports } from '../../ports';
import { readSettings, todayOf } from '../context';
import { writeLog } from '../log';
import type { MenuAction } from '../run';
import { readCohort } from './cohortData';
import { allCohorts, type Cohort, cohortLabel, markCohort } from './cohorts';
import { type CohortErasure, eraseCohort, erasureInventory, planCohortErasure } from './eraseCohort';
import { writeEvaluatorExport } from './exportForEvaluator';
import { keepSummary, summaryTabName } from './keepSummary';
import { dayAfterEnd } from './moments';
import { dueCohorts, ensureRetentionCheck } from './retentionCheck';

export const CLOSE_ACTION = 'Close the programme';

interface CloseRun {
  readonly settings: Settings;
  readonly today: string;
  readonly current: Cohort;
  /** The current cohort, when it has ended and is not closed yet. */
  readonly toClose: Cohort | null;
  /** Cohorts whose retention period is over, with what erasing them changes. */
  readonly toErase: readonly CohortErasure[];
  /** Cohorts still waiting for their erasure date. */
  readonly waiting: readonly Cohort[];
}

const keptUntil = (c: Cohort) => formatDayDate(addDays(c.eraseFrom, -1));

function planClose(ports: Ports): CloseRun {
  const { settings } = readSettings(ports);
  const today = todayOf(ports, settings);
  const cohorts = allCohorts(ports, settings);
  const current = cohorts[cohorts.length - 1]!;
  const due = dueCohorts(cohorts, today);
  return {
    settings,
    today,
    current,
    toClose: hasEnded(today, current.endDate) && !current.closedAt && !current.erasedAt ? current : null,
    toErase: due.map((c) => planCohortErasure(ports, c, settings.timeZone)),
    waiting: cohorts.filter((c) => !c.erasedAt && !due.includes(c) && (c.closedAt || !c.current)),
  };
}

/** What is kept of a cohort for good: the anonymous summary and the evaluator's export. */
function keepText(c: Cohort): string {
  return `its anonymous counts (per role and status, pairs, emails) are kept in a "${summaryTabName(c)}" tab, and the evaluator's pseudonymised export is made or brought up to date`;
}

function stopText(run: CloseRun): string {
  const { current } = run;
  const waits = run.waiting
    .filter((c) => !c.current)
    .map(
      (c) =>
        `The personal data of ${cohortLabel(c)} is kept until ${keptUntil(c)}; it falls due for erasure on ${formatDayDate(c.eraseFrom)}.`,
    );
  if (!hasEnded(run.today, current.endDate))
    return [
      `The programme ends on ${formatDayDate(current.endDate)} (Settings, "Programme ends"): "${CLOSE_ACTION}" can run from ${dayAfterEnd(run.settings)}. Nothing was done.`,
      ...waits,
    ].join('\n\n');
  if (current.erasedAt)
    return `The personal data of ${cohortLabel(current)} was erased on ${current.erasedAt.slice(0, 10)}; its anonymous counts are in the "${summaryTabName(current)}" tab. Nothing was done. To run the scheme again, use "Start the next cohort".`;
  return [
    `${cohortLabel(current).replace(/^t/, 'T')} was closed on ${current.closedAt.slice(0, 10)}: its anonymous counts are in the "${summaryTabName(current)}" tab.`,
    `Its personal data is kept until ${keptUntil(current)} (${current.retentionMonths} months after the programme ended, Settings "Keep personal data for"). It falls due for erasure on ${formatDayDate(current.eraseFrom)}: Cohort emails you that day, and "${CLOSE_ACTION}" then erases it. Nothing was done.`,
    ...waits,
  ].join('\n\n');
}

function question(run: CloseRun): string {
  const parts: string[] = [];
  if (run.toClose) {
    const c = run.toClose;
    parts.push(
      `Close ${cohortLabel(c)} (the programme ended on ${formatDayDate(c.endDate)}): ${keepText(c)}. The application and choices forms stop taking responses.`,
      run.toErase.some((e) => e.cohort === c)
        ? ''
        : `Nothing is erased now. The personal data is kept until ${keptUntil(c)} (${c.retentionMonths} months, Settings "Keep personal data for"); on ${formatDayDate(c.eraseFrom)} Cohort emails you, and "${CLOSE_ACTION}" then erases it.`,
    );
  }
  for (const e of run.toErase) {
    parts.push(
      `ERASE the personal data of ${cohortLabel(e.cohort)}: it was to be kept for ${e.cohort.retentionMonths} months after ${formatDayDate(e.cohort.endDate)}, until ${keptUntil(e.cohort)}.`,
      `${e.cohort.closedAt ? '' : `First, ${keepText(e.cohort)}. Then `}every name, address and answer goes, in every tab, form response and future event: ${erasureInventory(e) || 'nothing is left to erase in the tabs'}. The rows stay, anonymous (IDs, roles, statuses, dates), so the counts still add up.`,
      'Emails already sent stay in the Sent mail of the account that sent them, and Google keeps the spreadsheet’s version history: see SECURITY.md for what to delete by hand. This cannot be undone.',
    );
  }
  return parts.filter(Boolean).join('\n\n');
}

/** The summary and the export: what a cohort keeps of itself for good. */
function keep(ports: Ports, run: CloseRun, cohort: Cohort): string[] {
  const data = readCohort(ports, cohort);
  const done = [`anonymous counts in "${keepSummary(ports, cohort, data, run.today)}"`];
  if (data.participants.some((p) => p.consented)) {
    const made = writeEvaluatorExport(ports, cohort, data, run.today);
    done.push(`the evaluator's export (${made.participants} participants): ${made.file.url}`);
  }
  return done;
}

function act(ports: Ports, run: CloseRun): string {
  const said: string[] = [];
  const stamp = ports.clock.now().toISOString();
  if (run.toClose) {
    const kept = keep(ports, run, run.toClose);
    for (const form of run.toClose.forms) ports.forms.stopResponses(form.id);
    markCohort(ports, run.toClose, { closedAt: stamp });
    const trigger = ensureRetentionCheck(ports, run.settings.timeZone);
    const text = `Closed ${cohortLabel(run.toClose)}: kept ${kept.join('; ')}. The forms no longer take responses.`;
    writeLog(ports, [
      { level: 'info', action: CLOSE_ACTION, message: `${text} Daily retention check: ${trigger}.` },
    ]);
    said.push(
      text,
      run.toErase.some((e) => e.cohort === run.toClose)
        ? ''
        : `Nothing was erased. The personal data is kept until ${keptUntil(run.toClose)}; on ${formatDayDate(run.toClose.eraseFrom)} Cohort emails you, and "${CLOSE_ACTION}" then erases it.`,
    );
  }
  for (const plan of run.toErase) {
    const { cohort } = plan;
    const kept = cohort.closedAt || cohort === run.toClose ? [] : keep(ports, run, cohort);
    const erased = eraseCohort(ports, plan);
    markCohort(ports, cohort, {
      erasedAt: stamp,
      exportKey: '',
      ...(cohort.closedAt ? {} : { closedAt: stamp }),
    });
    const problems = erased.failed.length
      ? ` Google Calendar refused ${plural(erased.failed.length, 'event')} (${erased.failed.join('; ')}): remove those guests by hand.`
      : '';
    const text = `Erased the personal data of ${cohortLabel(cohort)} (its retention period ended on ${keptUntil(cohort)}): ${erased.rows} rows made anonymous, ${erased.formResponses} form responses deleted, ${erased.events} future event places removed.${kept.length ? ` Kept first: ${kept.join('; ')}.` : ''}${problems}`;
    writeLog(ports, [{ level: problems ? 'warning' : 'info', action: CLOSE_ACTION, message: text }]);
    said.push(text);
  }
  if (run.toErase.length)
    said.push(
      'Still to do by hand (see SECURITY.md): delete the emails in the Sent mail of the account that sent them, delete the programme calendar and the mentor choices form (it shows the mentors’ profiles), and treat the spreadsheet’s version history as beyond use.',
    );
  return said.filter(Boolean).join('\n\n');
}

/**
 * "Close the programme": once the programme has ended, keeps what must be kept (the anonymous
 * summary, the evaluator's export) and stops the forms; once a cohort's retention period is over
 * (Settings: "Keep personal data for", counted from the day after it ended), erases its personal
 * data everywhere Cohort put it. Before then it says when erasure falls due and changes nothing.
 * Safe to click twice: a closed cohort is not closed again, an erased one finds nothing to erase.
 */
export const closeProgrammeAction: MenuAction<void, CloseRun> = {
  name: CLOSE_ACTION,
  plan: planClose,
  review: (run) =>
    !run.toClose && run.toErase.length === 0
      ? { kind: 'stop', message: stopText(run) }
      : {
          kind: 'ask',
          question: question(run),
          fingerprint: fingerprint([
            run.toClose?.year ?? null,
            run.toErase.map((e) => [e.cohort.year, e.rows, e.forms, e.calendar.events.map((ev) => ev.id)]),
          ]),
        },
  act,
};
