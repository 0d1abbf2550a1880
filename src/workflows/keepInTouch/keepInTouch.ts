import { formatDayDate } from '../../domain/dates';
import { fingerprint } from '../../domain/fingerprint';
import { isValidEmail, plural, trimmedText } from '../../domain/text';
import type { Ports } from '../../ports';
import { startBudget } from '../budget';
import { senderOf, senderProblem } from '../context';
import { writeLog } from '../log';
import { deliverOutbox, deliveryText } from '../outbox/deliver';
import { whenTheyGo } from '../outbox/forecast';
import { queueEmails } from '../outbox/queue';
import { assertTemplatesUsable } from '../outbox/render';
import type { MenuAction } from '../run';
import {
  dueEmails,
  type EmailKind,
  type Matter,
  matters,
  type NewCheckIn,
  nextCheckIns,
  type WantedEmail,
} from './due';
import { type KeepInTouchState, readKeepInTouch } from './state';
import { ATTENTION, attentionTab } from './tabs';
import { changedMatters, renderWanted, writeCheckInRows, writeMatters } from './write';

export const ACTION = 'Keep in touch';

const TEMPLATES = ['check-in', 'pair-nudge', 'continuation-question', 'finale-thanks', 'coach-request'];

export interface KeepInTouchPlan {
  readonly state: KeepInTouchState | null;
  /** Not in the Outbox yet (or only as a preview, or skipped for an address since corrected). */
  readonly fresh: readonly WantedEmail[];
  /** Queued by a run that was cut off before it sent them: they go now. */
  readonly waiting: number;
  readonly rows: readonly NewCheckIn[];
  readonly matters: readonly Matter[];
  readonly when: string;
  readonly senderProblem: string | null;
}

const NO_PAIRS: KeepInTouchPlan = {
  state: null,
  fresh: [],
  waiting: 0,
  rows: [],
  matters: [],
  when: '',
  senderProblem: null,
};

/** What keep-in-touch would do now; `only` limits the emails to some kinds (a form response's follow-up). */
export function planKeepInTouch(ports: Ports, only?: readonly EmailKind[]): KeepInTouchPlan {
  const state = readKeepInTouch(ports);
  if (!state) return NO_PAIRS;
  assertTemplatesUsable(state.templates, TEMPLATES);
  const due = dueEmails(state);
  const wanted = only ? due.emails.filter((e) => only.includes(e.kind)) : due.emails;
  const { dryRun } = state.settings;
  const fresh = wanted.filter((e) => {
    const status = state.statusOf(e.key);
    if (status === '') return true;
    if (dryRun) return false;
    return status === 'preview' || (status === 'skipped' && isValidEmail(e.to.email));
  });
  const waiting = dryRun ? 0 : wanted.filter((e) => state.statusOf(e.key) === 'queued').length;
  return {
    state,
    fresh,
    waiting,
    rows: only ? [] : due.rows,
    matters: changedMatters(state, matters(state)),
    when: dryRun ? '' : whenTheyGo(ports, fresh.length + waiting),
    senderProblem: senderProblem(ports, state.settings),
  };
}

/** "12 check-ins (round 1), 2 nudges, …": the emails of a plan by kind. */
function emailsText(fresh: readonly WantedEmail[]): string[] {
  const of = (kind: EmailKind) => fresh.filter((e) => e.kind === kind);
  const rounds = [...new Set(of('check-in').map((e) => e.values.round))].sort();
  return [
    of('check-in').length ? `${plural(of('check-in').length, 'check-in')} (round ${rounds.join(', ')})` : '',
    of('nudge').length ? `${plural(of('nudge').length, 'nudge')} to pairs that have not said they met` : '',
    of('continuation').length
      ? `${plural(of('continuation').length, 'continuation question')} (will they keep meeting?)`
      : '',
    of('thanks').length ? `${plural(of('thanks').length, 'thank-you')} after the finale` : '',
    of('coach').length ? `${plural(of('coach').length, 'request')} for a one-to-one, to the coach` : '',
  ].filter(Boolean);
}

function mattersText(plan: KeepInTouchPlan): string {
  const listed = new Set(
    (plan.state?.attention?.rows ?? []).map((r) => trimmedText(r.values[ATTENTION.key])),
  );
  const added = plan.matters.filter((m) => !listed.has(m.key)).length;
  return added ? `${plural(added, 'new matter')} for you go on the Attention tab.` : '';
}

function nothingDue(plan: KeepInTouchPlan): string {
  const state = plan.state!;
  const next = nextCheckIns(state);
  return [
    'Nothing is due today: every check-in, nudge and question that is due has gone.',
    next ? `The next check-ins go on ${formatDayDate(next)}.` : '',
    'This runs by itself every morning; you need not click it.',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Carries a plan out: renders and queues its emails, writes its rows and matters, sends. */
function carryOut(ports: Ports, plan: KeepInTouchPlan): string {
  const state = plan.state;
  if (!state) return '';
  const budget = startBudget(ports.clock);
  const { settings } = state;
  const queue = plan.fresh.length
    ? queueEmails(ports, renderWanted(ports, state, plan.fresh), { dryRun: settings.dryRun })
    : { queued: 0, previews: 0, skipped: 0, already: 0 };
  if (!settings.dryRun && plan.rows.length) {
    writeCheckInRows(ports, plan.rows);
    // The list is there from the first check-in, even while it is empty: nothing needs you yet.
    ports.workbook.ensureTab(attentionTab);
  }
  const added = writeMatters(ports, plan.matters);
  const sending = plan.fresh.length > 0 || plan.waiting > 0;
  const delivery = sending ? deliverOutbox(ports, senderOf(settings), budget) : null;
  const parts = [
    plan.fresh.length ? `${emailsText(plan.fresh).join('; ')}.` : '',
    settings.dryRun
      ? `${queue.previews} previews written to the Outbox.`
      : delivery
        ? deliveryText(delivery)
        : '',
    added ? `${plural(added, 'new matter')} on the Attention tab.` : '',
  ].filter(Boolean);
  const text = parts.join(' ') || 'Nothing was due.';
  if (queue.queued + queue.previews + added + plan.rows.length > 0 || sending)
    writeLog(ports, [{ level: 'info', action: ACTION, message: text }]);
  return text;
}

/**
 * "Keep in touch now": what the morning trigger does, on request. Each email has its key (e.g.
 * `check-in:<address>:<partner>:<round>`), so a second click, or the trigger after it, sends nothing
 * twice.
 */
export const keepInTouchAction: MenuAction<void, KeepInTouchPlan> = {
  name: 'Keep in touch now',
  plan: (ports) => planKeepInTouch(ports),
  review: (plan) => {
    if (!plan.state)
      return {
        kind: 'stop',
        message:
          'No pair has been introduced yet: check-ins start after Announce pairs, and then go by themselves every morning.',
      };
    const { fresh, waiting } = plan;
    if (plan.senderProblem && (fresh.length || waiting)) return { kind: 'stop', message: plan.senderProblem };
    if (fresh.length === 0 && waiting === 0) {
      if (plan.rows.length === 0 && plan.matters.length === 0)
        return { kind: 'stop', message: nothingDue(plan) };
      return { kind: 'go' };
    }
    const n = fresh.length + waiting;
    const lines = [
      `Send ${plural(n, 'email')}${waiting ? ` (${waiting} queued earlier)` : ''}:`,
      ...emailsText(fresh).map((l) => `- ${l}`),
      plan.when,
      mattersText(plan),
      plan.state.settings.dryRun ? 'Dry run is on: they go to the Outbox as previews only.' : '',
    ];
    return {
      kind: 'ask',
      question: lines.filter(Boolean).join('\n'),
      fingerprint: fingerprint([
        plan.state.settings.dryRun,
        waiting,
        fresh.map((e) => [e.key, e.to.email, e.values]),
      ]),
    };
  },
  act: carryOut,
};

/**
 * The morning trigger (and its continuation): does what is due. With no coordinator name or
 * reply-to in Settings nothing is queued (no email goes unsigned); the Log says why, and the
 * menu item says which cell to fill.
 */
export function keepInTouchToday(ports: Ports): string {
  const plan = planKeepInTouch(ports);
  if (!plan.state) return 'No pair has been introduced yet.';
  if (plan.senderProblem && plan.fresh.length > 0) {
    writeLog(ports, [{ level: 'warning', action: ACTION, message: plan.senderProblem }]);
    return carryOut(ports, { ...plan, fresh: [], rows: [] });
  }
  return carryOut(ports, plan);
}

/** After a check-in arrives: the coach hears of a request, and the coordinator's list is brought up to date. */
export function followUpCheckIns(ports: Ports): string {
  const plan = planKeepInTouch(ports, ['coach']);
  if (!plan.state) return '';
  return carryOut(ports, plan.senderProblem ? { ...plan, fresh: [] } : plan);
}
