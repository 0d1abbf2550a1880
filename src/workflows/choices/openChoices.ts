import { formatProgrammeDate, formatWallClockLong } from '../../domain/dates';
import { fingerprint } from '../../domain/fingerprint';
import { PERSONAL_CODE_TITLE } from '../../domain/forms/spec';
import type { Settings } from '../../domain/settings';
import type { Template } from '../../domain/templates';
import { isValidEmail, plural } from '../../domain/text';
import { launchIsOver, launchOf } from '../../domain/wording';
import type { Ports } from '../../ports';
import { startBudget } from '../budget';
import {
  baseValues,
  ensureCohortForm,
  readProgramme,
  readSettings,
  readTemplates,
  senderOf,
  senderProblem,
} from '../context';
import { CODE_MARKER, codeFor, personalLink } from '../identity';
import { writeLog } from '../log';
import { deliverOutbox, deliveryText } from '../outbox/deliver';
import { knownStatus, queueEmails } from '../outbox/queue';
import { assertTemplatesUsable, renderEmail } from '../outbox/render';
import { bothRoles, type Person, peopleOf, selected } from '../people';
import type { MenuAction } from '../run';
import { settingCell } from '../settingCell';
import { arrangeTabs, writeFormsTab } from '../setup';
import { applicantsTab, choicesTab, outboxTab } from '../tabs';
import { choicesSpec, MAX_PROFILES } from './choicesSpec';

const ACTION = 'Open mentor choices';
const TEMPLATE = 'mentor-choices-invitation';

interface ChoicesPlan {
  readonly settings: Settings;
  readonly templates: Map<string, Template>;
  readonly mentors: readonly Person[];
  readonly mentees: readonly Person[];
  /** Selected mentees who have not been sent the link yet. */
  readonly toInvite: readonly Person[];
  readonly senderProblem: string | null;
  /** Before the launch event: mentees usually choose after meeting the mentors there. */
  readonly early: string;
  /** The choices deadline in Settings has passed: the email would ask for choices by a past day. */
  readonly late: string;
}

function planChoices(ports: Ports): ChoicesPlan {
  const { settings } = readSettings(ports);
  const people = peopleOf(ports.workbook.read(applicantsTab));
  const mentees = selected(people, 'mentee');
  const statusOf = knownStatus(ports, ports.workbook.read(outboxTab));
  return {
    settings,
    templates: readTemplates(ports),
    mentors: selected(people, 'mentor'),
    mentees,
    toInvite: mentees.filter((m) => statusOf(`${TEMPLATE}:${m.email}`) === ''),
    senderProblem: senderProblem(ports, settings),
    early: earlyNote(ports, settings),
    late: lateNote(ports, settings),
  };
}

/** Said when the deadline the email gives has passed (a mentee selected late, say). */
function lateNote(ports: Ports, settings: Settings): string {
  const now = ports.clock.wallClock(ports.clock.now(), settings.timeZone);
  if (settings.choicesDeadline >= now) return '';
  return `The choices deadline, ${formatWallClockLong(settings.choicesDeadline)}, has passed: the email asks mentees to choose by then. To give a new date, change ${settingCell(ports, 'choicesDeadline')} first and click "${ACTION}" again.`;
}

/** The choices form listing the selected mentors (refreshed in place, so its link stays the same). */
function ensureChoicesForm(ports: Ports, plan: ChoicesPlan) {
  return ensureCohortForm(ports, 'choices', choicesSpec(ports, plan.settings, plan.mentors));
}

/** Said when the choices open before the launch event is over (usually they open after it). */
function earlyNote(ports: Ports, settings: Settings): string {
  const launch = launchOf(readProgramme(ports));
  if (!launch || launchIsOver(launch, ports.clock.wallClock(ports.clock.now(), settings.timeZone))) return '';
  return `The launch event, where mentees meet the mentors, is on ${formatProgrammeDate(launch)}: the choices usually open after it. You can open them now; mentees can choose from the profiles on the form.`;
}

/**
 * "Open mentor choices": the choices form lists the selected mentors as "name — library service"
 * (refreshed in place when they change, so its link stays the same), and each selected mentee is
 * sent the link once.
 */
export const openMentorChoicesAction: MenuAction<void, ChoicesPlan> = {
  name: ACTION,
  plan: planChoices,
  review: (plan) => {
    if (plan.senderProblem) return { kind: 'stop', message: plan.senderProblem };
    if (plan.mentors.length === 0)
      return {
        kind: 'stop',
        message:
          'No mentor has the status Selected yet, so there is nobody to choose from. Set statuses in the Applicants tab first.',
      };
    const { mentors, mentees, toInvite } = plan;
    // Unlike Run matching, this waits until they have one role: the one form every mentee gets
    // cannot leave a mentor out for one mentee, and an invitation once sent cannot be taken back.
    const both = bothRoles(mentors, mentees).note;
    if (both)
      return {
        kind: 'stop',
        message: `${both} Then click "${ACTION}" again.`,
      };
    assertTemplatesUsable(plan.templates, [TEMPLATE]);
    const question =
      `The choices form will list ${plural(mentors.length, 'selected mentor')}` +
      (mentors.length > MAX_PROFILES
        ? `, without their profiles (a form can carry them for up to ${MAX_PROFILES} mentors in the time Google allows).\n`
        : ', each with a short profile from their application.\n') +
      `${plural(toInvite.length, 'selected mentee')} will be emailed the link` +
      `${mentees.length - toInvite.length ? ` (${mentees.length - toInvite.length} already have it)` : ''}.` +
      (plan.settings.dryRun ? '\nDry run is on: the emails go to the Outbox as previews only.' : '');
    return {
      kind: 'ask',
      question: [plan.early, toInvite.length ? plan.late : '', question].filter(Boolean).join('\n\n'),
      fingerprint: fingerprint([
        plan.settings.dryRun,
        plan.settings.choicesDeadline,
        mentors.map((m) => [m.id, m.name, m.libraryService]),
        toInvite.map((m) => [m.id, m.email, m.name]),
      ]),
    };
  },
  act: (ports, plan) => {
    const budget = startBudget(ports.clock);
    const { settings } = plan;
    const ref = ensureChoicesForm(ports, plan);
    writeFormsTab(ports);
    ports.workbook.ensureTab(choicesTab);
    // Google put the choices form's new response tab first: it goes after Cohort's.
    arrangeTabs(ports);
    // One pre-filled link for the form, then each mentee's code in it: the link is personal.
    const linkTemplate = plan.toInvite.length
      ? ports.forms.prefilledUrl(ref.id, PERSONAL_CODE_TITLE, CODE_MARKER)
      : '';
    const emails = plan.toInvite.map((m) =>
      renderEmail(plan.templates, TEMPLATE, {
        key: `${TEMPLATE}:${m.email}`,
        to: m.email,
        name: m.name,
        values: {
          ...baseValues(settings),
          name: m.name,
          choicesDeadline: formatWallClockLong(settings.choicesDeadline),
          formUrl: personalLink(linkTemplate, codeFor(ports, 'choices', m.id)),
        },
        blockedBy: isValidEmail(m.email) ? undefined : 'No valid email address: nothing can be sent.',
      }),
    );
    const queue = queueEmails(ports, emails, { dryRun: settings.dryRun });
    const delivery = deliverOutbox(ports, senderOf(settings), budget);
    const text = `Choices form ${ref.created ? 'created' : 'updated'}: ${ref.publishedUrl}\n${settings.dryRun ? `${queue.previews} previews written.` : deliveryText(delivery)}`;
    writeLog(ports, [{ level: 'info', action: ACTION, message: text }]);
    return text;
  },
};
