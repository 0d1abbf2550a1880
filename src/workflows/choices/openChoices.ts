import { choicesForm } from '../../domain/forms/spec';
import { isValidEmail } from '../../domain/text';
import type { Ports } from '../../ports';
import { startBudget } from '../budget';
import { formRef, readSettings, readTemplates, saveFormRef, senderOf } from '../context';
import { deliveryText } from '../decisions/sendDecisions';
import { writeLog } from '../log';
import { deliverOutbox } from '../outbox/deliver';
import { outboxByKey, queueEmails } from '../outbox/queue';
import { assertTemplatesUsable, renderEmail } from '../outbox/render';
import { peopleOf, selected } from '../people';
import { writeFormsTab } from '../setup';
import { choicesTab, TAB } from '../tabs';

const TEMPLATE = 'mentor-choices-invitation';

/**
 * "Open mentor choices": the choices form lists the selected mentors as "name — library service"
 * (refreshed in place when they change, so its link stays the same), and each selected mentee is
 * sent the link once.
 */
export function openMentorChoices(ports: Ports): string {
  const budget = startBudget(ports.clock);
  const { settings } = readSettings(ports);
  const people = peopleOf(ports.workbook.read(TAB.applicants));
  const mentors = selected(people, 'mentor');
  const mentees = selected(people, 'mentee');
  if (mentors.length === 0) {
    const text =
      'No mentor has the status Selected yet, so there is nobody to choose from. Set statuses in the Applicants tab first.';
    ports.ui?.alert('Open mentor choices', text);
    return text;
  }
  const templates = readTemplates(ports);
  assertTemplatesUsable(templates, [TEMPLATE]);
  const outbox = outboxByKey(ports.workbook.read(TAB.outbox));
  const toInvite = mentees.filter((m) => !outbox.has(`${TEMPLATE}:${m.email}`));
  const question =
    `The choices form will list ${mentors.length} selected mentor${mentors.length === 1 ? '' : 's'}.\n` +
    `${toInvite.length} selected mentee${toInvite.length === 1 ? '' : 's'} will be emailed the link` +
    `${mentees.length - toInvite.length ? ` (${mentees.length - toInvite.length} already have it)` : ''}.` +
    (settings.dryRun ? '\nDry run is on: the emails go to the Outbox as previews only.' : '') +
    '\n\nGo ahead?';
  if (ports.ui && !ports.ui.confirm('Open mentor choices', question)) return 'Cancelled.';
  const spec = choicesForm(
    mentors.map((m) => ({ id: m.id, name: m.name, libraryService: m.libraryService })),
    { programmeName: settings.programmeName },
  );
  const ref = ports.forms.ensureForm(spec, formRef(ports, 'choices'), (r) =>
    saveFormRef(ports, 'choices', r),
  );
  writeFormsTab(ports);
  ports.workbook.ensureTab(choicesTab);
  const emails = toInvite.map((m) =>
    renderEmail(templates, TEMPLATE, {
      key: `${TEMPLATE}:${m.email}`,
      to: m.email,
      name: m.name,
      values: {
        name: m.name,
        programmeName: settings.programmeName,
        coordinatorName: settings.coordinatorName,
        coordinatorEmail: settings.coordinatorEmail,
        formUrl: ref.publishedUrl,
      },
      blockedBy: isValidEmail(m.email) ? undefined : 'No valid email address: nothing can be sent.',
    }),
  );
  const queue = queueEmails(ports, emails, { dryRun: settings.dryRun });
  const delivery = deliverOutbox(ports, senderOf(settings), budget);
  const text = `Choices form ${ref.created ? 'created' : 'updated'}: ${ref.publishedUrl}\n${settings.dryRun ? `${queue.previews} previews written.` : deliveryText(delivery)}`;
  writeLog(ports, [{ level: 'info', action: 'Open mentor choices', message: text }]);
  ports.ui?.alert('Open mentor choices', text);
  return text;
}
