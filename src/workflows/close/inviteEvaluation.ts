import { fingerprint } from '../../domain/fingerprint';
import type { Settings } from '../../domain/settings';
import { isValidEmail, plural } from '../../domain/text';
import type { Ports } from '../../ports';
import { startBudget } from '../budget';
import { baseValues, readSettings, readTemplates, senderOf, senderProblem } from '../context';
import { writeLog } from '../log';
import { deliverOutbox, deliveryText } from '../outbox/deliver';
import { whenTheyGo } from '../outbox/forecast';
import { knownStatus, type PlannedEmail, queueEmails } from '../outbox/queue';
import { assertTemplatesUsable, renderEmail } from '../outbox/render';
import type { MenuAction } from '../run';
import { settingCell } from '../settingCell';
import { applicantsTab, outboxTab, TAB } from '../tabs';
import { beforeFinale } from './moments';
import { byAddress, type Participant, participantsOf } from './participants';

export const INVITE_ACTION = 'Invite to the evaluation';
const TEMPLATE = 'evaluation-invitation';
/** How many names the question lists before "… and N more". */
const NAMES_SHOWN = 15;

export const invitationKey = (email: string) => `${TEMPLATE}:${email}`;

interface InvitationRun {
  readonly settings: Settings;
  readonly stop: string | null;
  readonly emails: readonly PlannedEmail[];
  readonly invited: readonly Participant[];
  /** Invited by an earlier run (sent, or in doubt): never again. */
  readonly already: number;
  /** Queued by an earlier run and not sent yet (the quota ran out): they go now. */
  readonly waiting: number;
  /** Took part but did not agree to the evaluation: not asked. */
  readonly notAgreed: number;
  readonly noAddress: readonly string[];
}

const who = (p: Participant) => `${p.id} ${p.name}`.trim();

function whyNot(ports: Ports, settings: Settings): string | null {
  const sender = senderProblem(ports, settings);
  if (sender) return sender;
  if (!settings.evaluationSurveyUrl)
    return `Nothing was sent. Fill in ${settingCell(ports, 'evaluationSurveyUrl')} first: the link to the evaluator's survey (https://…), which the invitation gives.`;
  return beforeFinale(ports, settings, INVITE_ACTION);
}

/**
 * Who is asked: everyone who took part (see participantsOf) and agreed to the evaluation on their
 * application; one email per address, ever (the Outbox key).
 */
function planInvitations(ports: Ports): InvitationRun {
  const { settings } = readSettings(ports);
  const stop = whyNot(ports, settings);
  const empty = { settings, emails: [], invited: [], already: 0, waiting: 0, notAgreed: 0, noAddress: [] };
  if (stop) return { ...empty, stop };
  const templates = readTemplates(ports);
  assertTemplatesUsable(templates, [TEMPLATE]);
  const matches = ports.workbook.hasTab(TAB.matches) ? ports.workbook.read(TAB.matches) : null;
  const people = byAddress(participantsOf(ports.workbook.read(applicantsTab), matches));
  ports.workbook.ensureTab(outboxTab);
  const statusOf = knownStatus(ports, ports.workbook.read(outboxTab));
  const emails: PlannedEmail[] = [];
  const invited: Participant[] = [];
  const noAddress: string[] = [];
  let already = 0;
  let waiting = 0;
  let notAgreed = 0;
  for (const p of people) {
    if (!p.consented) {
      notAgreed++;
      continue;
    }
    if (!isValidEmail(p.email)) {
      noAddress.push(who(p));
      continue;
    }
    const key = invitationKey(p.email);
    const before = statusOf(key);
    if (before === 'queued') waiting++;
    else if (before !== '' && before !== 'preview' && before !== 'skipped') already++;
    if (before !== '' && before !== 'preview' && before !== 'skipped') continue;
    invited.push(p);
    emails.push(
      renderEmail(templates, TEMPLATE, {
        key,
        to: p.email,
        name: p.name,
        values: { ...baseValues(settings), name: p.name, surveyUrl: settings.evaluationSurveyUrl },
      }),
    );
  }
  return { settings, stop: null, emails, invited, already, waiting, notAgreed, noAddress };
}

function names(people: readonly Participant[]): string {
  const shown = people.slice(0, NAMES_SHOWN).map(who);
  const more = people.length - shown.length;
  return [...shown, ...(more > 0 ? [`… and ${more} more`] : [])].join('\n');
}

function question(ports: Ports, run: InvitationRun): string {
  const mentors = run.invited.filter((p) => p.role === 'mentor').length;
  const mentees = run.invited.length - mentors;
  const left = run.invited.filter((p) => !p.toTheEnd).length;
  const dry = run.settings.dryRun;
  return [
    `${dry ? 'Write' : 'Send'} the evaluation invitation to ${plural(run.invited.length, 'person', 'people')} who took part and agreed to the evaluation: ${plural(mentors, 'mentor')}, ${plural(mentees, 'mentee')}${left ? ` (${left} of them withdrew after being paired)` : ''}.`,
    names(run.invited),
    [
      run.already
        ? `${plural(run.already, 'person', 'people')} invited before ${run.already === 1 ? 'is' : 'are'} not asked again.`
        : '',
      run.waiting && !dry ? `${plural(run.waiting, 'invitation')} queued earlier will go too.` : '',
      run.notAgreed
        ? `${plural(run.notAgreed, 'participant')} who did not agree to the evaluation ${run.notAgreed === 1 ? 'is' : 'are'} not asked.`
        : '',
      run.noAddress.length ? `No valid address for: ${run.noAddress.join(', ')}.` : '',
      dry
        ? 'Practice mode is on in Settings: the emails are written to the Outbox as previews, and nothing is sent.'
        : whenTheyGo(ports, run.emails.length + run.waiting),
      `The survey: ${run.settings.evaluationSurveyUrl}`,
    ]
      .filter(Boolean)
      .join('\n'),
  ].join('\n\n');
}

function send(ports: Ports, run: InvitationRun): string {
  const budget = startBudget(ports.clock);
  const queue = queueEmails(ports, run.emails, { dryRun: run.settings.dryRun });
  if (run.settings.dryRun) {
    const text = `${queue.previews} evaluation invitations written to the Outbox tab as previews; nothing was sent. Turn Practice mode off in Settings to send them.`;
    writeLog(ports, [{ level: 'info', action: INVITE_ACTION, message: text }]);
    return text;
  }
  const delivery = deliverOutbox(ports, senderOf(run.settings), budget);
  const text = deliveryText(delivery);
  writeLog(ports, [
    {
      level: delivery.failed ? 'warning' : 'info',
      action: INVITE_ACTION,
      message: `${queue.queued} evaluation invitations queued. ${text}`,
    },
  ]);
  return text;
}

/**
 * "Invite to the evaluation": after the finale, each participant who agreed to the evaluation gets
 * the evaluator's survey link, once. The question names them (up to 15) and counts the rest.
 */
export const inviteEvaluationAction: MenuAction<void, InvitationRun> = {
  name: INVITE_ACTION,
  plan: planInvitations,
  review: (run, ports) => {
    if (run.stop) return { kind: 'stop', message: run.stop };
    const waiting = run.settings.dryRun ? 0 : run.waiting;
    if (run.emails.length === 0 && waiting === 0)
      return {
        kind: 'stop',
        message: [
          'Nothing new to send.',
          run.already
            ? `${plural(run.already, 'person', 'people')} ${run.already === 1 ? 'has' : 'have'} been invited already.`
            : 'Nobody who took part agreed to the evaluation.',
          run.notAgreed ? `${plural(run.notAgreed, 'participant')} did not agree to it.` : '',
        ]
          .filter(Boolean)
          .join(' '),
      };
    return {
      kind: 'ask',
      question: question(ports, run),
      fingerprint: fingerprint([
        run.settings.dryRun,
        waiting,
        run.emails.map((e) => [e.key, e.to, e.subject, e.body]),
      ]),
    };
  },
  act: send,
};
