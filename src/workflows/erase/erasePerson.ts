import { fingerprint } from '../../domain/fingerprint';
import { PERSONAL_CODE_TITLE } from '../../domain/forms/spec';
import type { Settings } from '../../domain/settings';
import { parseRole } from '../../domain/status';
import { normaliseEmail, plural, textOf } from '../../domain/text';
import type { Ports, ResponseOwner, Table } from '../../ports';
import { choicesSpec } from '../choices/choicesSpec';
import { archivedCohorts } from '../close/cohorts';
import { COHORT_FORMS, ensureCohortForm, type FormKey, formRef, readSettings } from '../context';
import { LAST_FAILURE } from '../failures';
import { Registry } from '../intake/registry';
import { writeLog } from '../log';
import { Journal } from '../outbox/journal';
import { settleJournal } from '../outbox/settle';
import { peopleOf, selected } from '../people';
import type { MenuAction } from '../run';
import { APPLICANT, applicantsTab, OUTBOX, outboxTab, TAB } from '../tabs';
import { updateAsOneBlock } from '../write';
import { type CalendarErasure, findFutureInvitations, removeFromEvents } from './calendar';
import { type FormSearch, forgetSearch, searchForms, searchPending } from './formSearch';
import { codePrefix, type ErasurePlan, planErasure, type TabErasure } from './plan';
import { erasedToken, isAddress } from './scrub';

export const ERASE_ACTION = 'Erase a person';

interface Found {
  readonly plan: ErasurePlan;
  /** The same for earlier cohorts, kept in tabs under their year until their own erasure. */
  readonly earlier: readonly ErasurePlan[];
  /** Responses kept inside each Google Form (its own store, apart from the response tab), and whose. */
  readonly formResponses: ReadonlyArray<{ form: FormKey; id: string; ids: readonly string[] }>;
  /** How far the reading of those stores has got (it may take several executions). */
  readonly search: FormSearch;
  readonly calendar: CalendarErasure;
}

const own = (t: TabErasure | null) => t?.own ?? 0;
const mentions = (t: TabErasure | null) => t?.mentions ?? 0;

function counts(found: Found) {
  const plans = [found.plan, ...found.earlier];
  const sum = (of: (plan: ErasurePlan) => number) => plans.reduce((n, plan) => n + of(plan), 0);
  return {
    applicants: sum((plan) => own(plan.applicants)),
    responseRows: sum((plan) => plan.responses.reduce((n, r) => n + r.erasure.own, 0)),
    /** Check-in and continuation answers (by personal code, not address). */
    codedRows: sum((plan) =>
      plan.responses
        .filter((r) => r.form === 'check-in' || r.form === 'continuation')
        .reduce((n, r) => n + r.erasure.own, 0),
    ),
    formResponses: found.formResponses.reduce((n, f) => n + f.ids.length, 0),
    outbox: sum((plan) => own(plan.outbox)),
    choices: sum((plan) => own(plan.choices)),
    matches: sum((plan) => own(plan.matches)),
    launch: sum((plan) => own(plan.launch)),
    checkIns: sum((plan) => own(plan.checkIns)),
    attention: sum((plan) => own(plan.attention)),
    events: found.calendar.events.length,
    mentions: sum(
      (plan) =>
        mentions(plan.applicants) +
        mentions(plan.outbox) +
        mentions(plan.choices) +
        mentions(plan.matches) +
        mentions(plan.launch) +
        mentions(plan.checkIns) +
        mentions(plan.attention) +
        mentions(plan.log),
    ),
    otherAnswers: sum((plan) => plan.responses.reduce((n, r) => n + r.otherMentions, 0)),
  };
}

/** Every applicant ID the address had, in this cohort and earlier ones. */
const idsOf = (found: Found) => [...new Set([found.plan, ...found.earlier].flatMap((p) => p.ids))];

/** "1 applicant row, 2 response rows, …": what was (or will be) erased, without naming anyone. */
function inventory(c: ReturnType<typeof counts>): string {
  const parts = [
    c.applicants && plural(c.applicants, 'applicant row'),
    c.responseRows && plural(c.responseRows, 'response row'),
    c.formResponses && plural(c.formResponses, 'response', 'responses') + ' inside the forms',
    c.outbox && plural(c.outbox, 'outbox entry', 'outbox entries'),
    c.choices && plural(c.choices, 'choices row'),
    c.matches && plural(c.matches, 'matches row'),
    c.launch && plural(c.launch, 'launch row'),
    c.checkIns && plural(c.checkIns, 'check-in row'),
    c.attention && plural(c.attention, 'needs-attention row'),
    c.events && `their place on ${plural(c.events, 'future event')}`,
    c.mentions && plural(c.mentions, 'mention') + ' in other rows',
  ].filter((p): p is string => Boolean(p));
  return parts.join(', ');
}

function isEmpty(c: ReturnType<typeof counts>): boolean {
  return (
    c.applicants +
      c.responseRows +
      c.formResponses +
      c.outbox +
      c.choices +
      c.matches +
      c.launch +
      c.checkIns +
      c.attention +
      c.events +
      c.mentions ===
    0
  );
}

function find(ports: Ports, email: string, timeZone: string): Found {
  const token = (outbox: Table) =>
    erasedToken((t) => outbox.rows.some((r) => textOf(r.values[OUTBOX.key]).includes(t)));
  const plan = planErasure(ports, email, token);
  // Earlier cohorts' tabs, kept under their year by "Start the next cohort": the right to erasure
  // reaches them too, until the cohort's own erasure at the end of its retention period.
  const archived = archivedCohorts(ports).filter((c) => !c.erasedAt);
  const earlier = archived.map((c) =>
    planErasure(ports, email, token, {
      applicants: c.tabs[TAB.applicants] ?? '',
      choices: c.tabs[TAB.choices] ?? '',
      outbox: c.tabs[TAB.outbox] ?? '',
      matches: c.tabs[TAB.matches] ?? '',
      launch: c.tabs[TAB.launch] ?? '',
      checkIns: c.tabs[TAB.checkIns] ?? '',
      attention: c.tabs[TAB.attention] ?? '',
      log: c.tabs[TAB.log] ?? '',
      responses: c.forms.map((f) => ({ form: f.key, formId: f.id, responseTab: f.responseTab })),
    }),
  );
  // A check-in or continuation answer carries their personal code, which starts with their ID in that
  // cohort (IDs are numbered afresh each year, so each cohort's forms are searched with its own IDs).
  const owner = (ids: readonly string[]): ResponseOwner => ({
    email,
    code: { title: PERSONAL_CODE_TITLE, prefixes: ids.map(codePrefix) },
  });
  const forms = [
    ...COHORT_FORMS.flatMap((form) => {
      const ref = formRef(ports, form);
      return ref ? [{ form, id: ref.id, owner: owner(plan.ids) }] : [];
    }),
    ...archived.flatMap((c, k) =>
      c.forms.map((f) => ({ form: f.key, id: f.id, owner: owner(earlier[k]!.ids) })),
    ),
  ];
  const search = searchForms(ports, email, forms);
  return {
    plan,
    earlier,
    formResponses: search.found,
    search,
    // Not read while the search carries on: this run only says so.
    calendar: search.done
      ? findFutureInvitations(ports, email, timeZone)
      : { calendarId: '', events: [], problem: '' },
  };
}

function preview(c: ReturnType<typeof counts>, found: Found): string {
  const ids = idsOf(found).length ? ` (${idsOf(found).join(', ')})` : '';
  const lines = [
    `This erases everything Cohort holds about that address${ids}:`,
    c.applicants
      ? `• Applicants: ${plural(c.applicants, 'row')}. Name, email and answers are removed; the ID stays and the Status becomes Withdrawn.`
      : '',
    c.responseRows || c.formResponses
      ? `• Form responses: ${plural(c.responseRows, 'row')} in the response tabs (all but the time are blanked) and ${plural(c.formResponses, 'response')} kept inside the Google Forms (deleted).`
      : '',
    c.codedRows
      ? `• ${plural(c.codedRows, 'check-in or continuation answer')} of theirs: blanked in the response tabs; Google's copies inside those forms, found by their personal code, are deleted with the other responses.`
      : '',
    c.outbox
      ? `• Outbox: ${plural(c.outbox, 'email')} to them. The rows stay, without address, name or text, so nothing is sent again; any not yet sent will not be.`
      : '',
    c.choices ? `• Choices: ${plural(c.choices, 'row')}.` : '',
    c.matches
      ? `• Matches: ${plural(c.matches, 'row')}. A proposed or locked pair with them becomes Unmatched.`
      : '',
    c.launch
      ? `• Launch: their place in the running order. Their name, library service and notes are removed; the order stays.`
      : '',
    c.checkIns
      ? `• CheckIns: ${plural(c.checkIns, 'row')} of theirs. Their answers and note are removed; the round and dates stay.`
      : '',
    c.attention ? `• Attention: ${plural(c.attention, 'matter')} from their check-ins (the words go).` : '',
    c.events
      ? `• Calendar: they are taken off ${plural(c.events, 'future event')} (Google emails them a cancellation).`
      : '',
    found.calendar.problem
      ? `• Calendar: could not be read now (${found.calendar.problem}); they will be taken off future events by the next "Send calendar invites".`
      : '',
    c.mentions
      ? `• ${plural(c.mentions, 'other row')} mentioning their name or address (in Applicants, Outbox, Choices, Matches, Launch, CheckIns, Attention or Log): the mentions are replaced by "Erased".`
      : '',
    c.otherAnswers
      ? `• ${plural(c.otherAnswers, 'answer')} in other people's form responses mention them: Cohort does not change other people's answers; review them by hand.`
      : '',
  ];
  return [
    ...lines.filter(Boolean),
    '',
    'Emails already sent stay in the Sent mail of the account that sent them: delete them there by hand (see SECURITY.md).',
    'This cannot be undone.',
  ].join('\n');
}

function write(ports: Ports, erasure: TabErasure | null): void {
  if (erasure?.changes.size) updateAsOneBlock(ports, erasure.table, erasure.changes);
}

/** The erased mentor's name is an option in the live choices form: it is refreshed without them. */
function refreshChoicesForm(ports: Ports, plan: ErasurePlan, settings: Settings): string {
  const ref = formRef(ports, 'choices');
  const wasMentor = plan.applicants?.table.rows.some(
    (r) =>
      isAddress(r.values[APPLICANT.email], plan.email) &&
      parseRole(textOf(r.values[APPLICANT.role])) === 'mentor',
  );
  if (!ref || !wasMentor || !ports.forms.exists(ref.id)) return '';
  const mentors = selected(peopleOf(ports.workbook.read(applicantsTab)), 'mentor');
  if (mentors.length === 0)
    return 'The choices form still lists the mentors it had: no mentor is Selected now, so it was left as it is. Edit it by hand if it names them.';
  ensureCohortForm(ports, 'choices', choicesSpec(ports, settings, mentors));
  return '';
}

/** A failure kept for the next onOpen banner may quote the address. */
function scrubStore(ports: Ports, plan: ErasurePlan): void {
  const raw = ports.store.get(LAST_FAILURE);
  if (raw && plan.scrubber.mentions(raw)) ports.store.set(LAST_FAILURE, plan.scrubber.text(raw));
}

interface ErasureRun {
  readonly email: string;
  readonly timeZone: string;
  readonly settings: Settings;
  readonly found: Found;
  readonly counts: ReturnType<typeof counts>;
}

function planRun(ports: Ports, email: string): ErasureRun {
  // An email cut off mid-send is settled first: its journalled key still holds the address.
  if (Journal.recover(ports.store).present) settleJournal(ports, ports.workbook.read(outboxTab));
  const { settings } = readSettings(ports);
  const found = find(ports, email, settings.timeZone);
  return {
    email,
    timeZone: settings.timeZone,
    settings,
    found,
    counts: counts(found),
  };
}

/** The forms' stores are not all read yet: what was read is kept, and the next click carries on. */
function stillSearching(search: FormSearch): string {
  const at = search.stoppedAt;
  const where = at ? `, and ${at.read} of the ${plural(at.of, 'response')} of the one it is reading` : '';
  return `Cohort is still reading the answers kept inside the Google Forms for that address (so far ${search.read} of ${plural(search.total, 'form')} read to the end${where}). Google stops a script 6 minutes after it starts, so Cohort stops here${search.kept ? ' and remembers where it got to' : ''}. Nothing has been erased yet. Choose Mentoring → ${ERASE_ACTION} again and give the same address to carry on.${search.kept ? '' : " The script's property store is full (Google allows 500 KB), so Cohort could not keep where it got to and will start the reading again: see the README's Known limits."}`;
}

function nothingFound(ports: Ports, run: ErasureRun): string {
  forgetSearch(ports);
  writeLog(ports, [
    {
      level: 'info',
      action: ERASE_ACTION,
      message: 'Asked to erase an address that Cohort holds nowhere: nothing changed.',
    },
  ]);
  return `Nothing was found for that address: no applicant, response, email, choice, match, Log line or future event holds it. Nothing was changed.${run.found.calendar.problem ? ` (The calendar could not be read: ${run.found.calendar.problem}.)` : ''}`;
}

function erase(ports: Ports, run: ErasureRun): string {
  const { found, email, counts: c } = run;
  const { plan } = found;
  for (const p of [plan, ...found.earlier]) {
    write(ports, p.applicants);
    for (const r of p.responses) write(ports, r.erasure);
    write(ports, p.outbox);
    write(ports, p.choices);
    write(ports, p.matches);
    write(ports, p.launch);
    write(ports, p.checkIns);
    write(ports, p.attention);
    write(ports, p.log);
  }
  scrubStore(ports, plan);
  Registry.forget(ports.store, email, plan.ids);
  const deleted = found.formResponses.reduce(
    (n, f) => n + (f.ids.length ? ports.forms.deleteResponses(f.id, f.ids) : 0),
    0,
  );
  forgetSearch(ports);
  const calendar = removeFromEvents(ports, found.calendar, email);
  const formNote = refreshChoicesForm(ports, plan, run.settings);

  const done = inventory({ ...c, formResponses: deleted, events: calendar.removed });
  const ids = idsOf(found);
  const who = ids.length ? `applicant ID${ids.length > 1 ? 's' : ''} ${ids.join(', ')}` : 'no applicant row';
  const warnings = [
    calendar.failed.length
      ? `Google Calendar refused ${plural(calendar.failed.length, 'event')} (${calendar.failed.join('; ')}): run "Send calendar invites" to finish.`
      : '',
    found.calendar.problem
      ? `The calendar could not be read (${found.calendar.problem}): run "Send calendar invites" to take them off future events.`
      : '',
    c.otherAnswers
      ? `${plural(c.otherAnswers, 'answer')} in other people's form responses mention them and were left as given: review them by hand.`
      : '',
    formNote,
  ].filter(Boolean);
  const message = `Erased one person's data (${who}): ${done || 'nothing left to erase'}.${warnings.length ? ` ${warnings.join(' ')}` : ''}`;
  writeLog(ports, [{ level: warnings.length ? 'warning' : 'info', action: ERASE_ACTION, message }]);
  return `${message}\n\nEmails already sent stay in the Sent mail of the account that sent them: delete them there by hand.`;
}

/**
 * "Erase a person" (UK GDPR right to erasure): asks for the address, shows what Cohort holds about
 * it, and on confirmation removes the person's personal data from every tab, response row, form
 * response store, outbox entry and future calendar event. What stays is anonymous: their ID (so
 * numbering and counts stay coherent), the times of their submissions (so intake does not take the
 * blanked responses in again) and a Log line that names no one. Safe to run twice: the second run
 * finds nothing and says so. Reading the forms' own stores may not fit in one execution: then it
 * says so and the next click carries on where it stopped (formSearch.ts); the question comes once
 * everything has been read.
 */
export const erasePersonAction: MenuAction<string, ErasureRun> = {
  name: ERASE_ACTION,
  ask: (ui, ports) => {
    const pending = searchPending(ports)
      ? '\n\nCohort is part-way through reading the forms for an address given earlier: give the same one to carry on.'
      : '';
    const typed = ui.prompt(
      ERASE_ACTION,
      `The email address of the person whose data is to be erased (as they gave it on the form):${pending}`,
    );
    const email = normaliseEmail(typed ?? '');
    return email ? { input: email } : { stop: 'Nothing was done.' };
  },
  plan: planRun,
  review: (run) =>
    !run.found.search.done
      ? { kind: 'stop', message: stillSearching(run.found.search) }
      : isEmpty(run.counts)
        ? { kind: 'go' }
        : {
            kind: 'ask',
            question: preview(run.counts, run.found),
            fingerprint: fingerprint([idsOf(run.found), run.counts]),
          },
  act: (ports, run) => (isEmpty(run.counts) ? nothingFound(ports, run) : erase(ports, run)),
};
