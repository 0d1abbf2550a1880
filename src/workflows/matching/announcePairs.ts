import { isDate } from '../../domain/dates';
import { pairAnnouncementKey } from '../../domain/default-templates';
import { fingerprint } from '../../domain/fingerprint';
import type { Settings } from '../../domain/settings';
import { isValidEmail, plural, trimmedText } from '../../domain/text';
import type { Ports, RowValues, Table, TableRow } from '../../ports';
import { startBudget } from '../budget';
import {
  baseValues,
  readProgramme,
  readSettings,
  readTemplates,
  senderOf,
  senderProblem,
  todayOf,
} from '../context';
import { writeLog } from '../log';
import { deliverOutbox, deliveryText } from '../outbox/deliver';
import { whenTheyGo } from '../outbox/forecast';
import { knownStatus, type PlannedEmail, queueEmails } from '../outbox/queue';
import { assertTemplatesUsable, renderEmail } from '../outbox/render';
import { bothRoles, type Person, peopleOf, personLabel, selected } from '../people';
import type { MenuAction } from '../run';
import { applicantsTab, MATCH, matchesTab, OUTBOX, outboxTab } from '../tabs';
import { updateAsOneBlock } from '../write';
import { endingEmails, type PairCtx, type PairRow, pairEmail, pairRows } from './pairs';

const MENTEE_KEY = pairAnnouncementKey('mentee');
const MENTOR_KEY = pairAnnouncementKey('mentor');
const TEMPLATES = [
  MENTEE_KEY,
  MENTOR_KEY,
  'pair-correction',
  'pair-cancelled',
  'pair-ended-mentee',
  'pair-ended-mentor',
  'mentor-no-mentee',
];
const NAMES_SHOWN = 12;

interface AnnouncePlan {
  readonly settings: Settings;
  readonly table: Table;
  readonly outbox: Table;
  /** Queued, not yet gone, about a pairing that has changed since: withdrawn, never sent. */
  readonly withdrawn: TableRow[];
  readonly emails: PlannedEmail[];
  /** Not yet in the Outbox (or only as previews). */
  readonly fresh: PlannedEmail[];
  /** Queued by a run that was cut off before it sent them: they go now. */
  readonly waiting: number;
  /** Pairs introduced by this run (or whose introductions went already): marked Announced. */
  readonly toMark: PairRow[];
  readonly pairs: string[];
  readonly corrections: number;
  readonly endings: number;
  readonly noMentee: string[];
  readonly when: string;
  readonly senderProblem: string | null;
  /** People Selected in both roles (bothRoles): nobody is introduced until each has one. */
  readonly bothRoles: string;
}

interface Introduction {
  readonly mentorId: string;
  /** Introduced by a correction (so an earlier mentor was told the pairing changed). */
  readonly correction: boolean;
}

/**
 * Whom each mentee was introduced to, in order (their mentors' ids, from the keys of the
 * introductions and corrections that went or may have gone), the mentors introduced to one, and
 * this action's emails still queued (held by Google's quota, say).
 */
function introductions(outbox: Table): {
  mentees: Map<string, Introduction[]>;
  mentors: Set<string>;
  queued: TableRow[];
} {
  const mentees = new Map<string, Introduction[]>();
  const mentors = new Set<string>();
  const queued: TableRow[] = [];
  for (const row of outbox.rows) {
    const key = trimmedText(row.values[OUTBOX.key]);
    const status = trimmedText(row.values[OUTBOX.status]);
    if (status === 'queued' && TEMPLATES.includes(key.split(':')[0]!)) queued.push(row);
    if (status !== 'sent' && status !== 'unconfirmed') continue;
    const m =
      /^(pair-announcement-mentee|pair-correction|pair-announcement-mentor):([^:]+):([A-Z]{2}-\d+)(?::[A-Z]{2}-\d+)?$/.exec(
        key,
      );
    if (m?.[1] === MENTOR_KEY) mentors.add(m[2]!);
    else if (m)
      mentees.set(m[2]!, [
        ...(mentees.get(m[2]!) ?? []),
        { mentorId: m[3]!, correction: m[1] !== MENTEE_KEY },
      ]);
  }
  return { mentees, mentors, queued };
}

function planAnnouncements(ports: Ports): AnnouncePlan {
  const { settings } = readSettings(ports);
  const templates = readTemplates(ports);
  assertTemplatesUsable(templates, TEMPLATES);
  const ctx: PairCtx = {
    settings,
    templates,
    programme: readProgramme(ports),
    today: todayOf(ports, settings),
  };
  const everyone = peopleOf(ports.workbook.read(applicantsTab));
  const people = new Map(everyone.map((p) => [p.id, p]));
  const outbox = ports.workbook.read(outboxTab);
  const statusOf = knownStatus(ports, outbox);
  const introduced = introductions(outbox);
  const lastOf = (email: string) => introduced.mentees.get(email)?.slice(-1)[0];
  // Before the first Run matching there is no Matches tab: nothing to announce (the review says so).
  const table: Table = ports.workbook.hasTab(matchesTab.name)
    ? ports.workbook.read(matchesTab)
    : { name: matchesTab.name, headers: [], rows: [], lastRow: 0 };
  const rows = pairRows(table);
  // A mentee whose earlier pair ended gets a "new mentor", not a correction: nothing was wrong.
  const endedBefore = new Set(
    rows.filter((r) => r.status === 'Ended').map((r) => `${r.menteeId}|${r.mentorId}`),
  );
  const emails: PlannedEmail[] = [];
  const toMark: PairRow[] = [];
  const pairs: string[] = [];
  let corrections = 0;
  let endings = 0;
  const noMentee: string[] = [];
  // A mentor whose pair ended has been told so (the pair-ended email), one introduced to a mentee since
  // moved was told of the change, and one the coordinator has since given a mentee (their "No mentee"
  // row left from an earlier run) has one: "we have not been able to give you a mentee" is not true.
  const hadPair = new Set(
    rows
      .filter((r) => ['Proposed', 'Locked', 'Announced', 'Ended'].includes(r.status ?? ''))
      .map((r) => r.mentorId),
  );
  for (const p of people.values()) if (introduced.mentors.has(p.email)) hadPair.add(p.id);
  // The partners this run introduces, by person: an ended pair's email names them.
  const next = new Map<string, Person[]>();
  for (const row of rows) {
    if (row.status !== 'Proposed' && row.status !== 'Locked') continue;
    const mentee = people.get(row.menteeId);
    const mentor = people.get(row.mentorId);
    if (!mentee || !mentor || lastOf(mentee.email)?.mentorId === mentor.id) continue;
    for (const [a, b] of [
      [mentee, mentor],
      [mentor, mentee],
    ] as const)
      next.set(a.id, [...(next.get(a.id) ?? []), b]);
  }
  for (const row of rows) {
    const mentee = people.get(row.menteeId);
    const mentor = people.get(row.mentorId);
    if (row.status === 'Ended') {
      const e = endingEmails(ctx, row, people, next);
      endings += e.length;
      emails.push(...e);
      continue;
    }
    if (row.status === 'No mentee' && mentor?.status === 'Selected' && !hadPair.has(row.mentorId)) {
      noMentee.push(personLabel(mentor));
      emails.push(
        renderEmail(templates, 'mentor-no-mentee', {
          key: `mentor-no-mentee:${mentor.email}`,
          to: mentor.email,
          name: mentor.name,
          values: { ...baseValues(settings), name: mentor.name },
          blockedBy: isValidEmail(mentor.email) ? undefined : 'No valid email address: nothing can be sent.',
        }),
      );
      continue;
    }
    if (row.status !== 'Proposed' && row.status !== 'Locked' && row.status !== 'Announced') continue;
    if (!mentee || !mentor) continue;
    const history = introduced.mentees.get(mentee.email) ?? [];
    const last = history[history.length - 1];
    const before = last?.mentorId;
    // Introduced to this mentor by a correction already: planned again as that correction (with the
    // same keys, so nothing goes twice), never as a first "Meet your mentor".
    const again = before === mentor.id && last?.correction === true;
    const from = again ? history[history.length - 2]?.mentorId : before;
    // A correction back to a mentor they had before (or to the one before that): those keys went
    // already, so this correction's name the mentor moved from (and so does a plan made again after
    // it went). Moved back to the same mentor a second time, that mentor finds both keys taken.
    const keyed = (key: string) =>
      statusOf(`${key}:${from}`) !== '' || (!again && statusOf(key) === 'sent') ? `${key}:${from}` : key;
    const mentorSide = (key: string) =>
      pairEmail(ctx, MENTOR_KEY, key, mentor, mentee, { intro: 'I am pleased to introduce your mentee,' });
    const mentorKey = `${MENTOR_KEY}:${mentor.email}:${mentee.id}`;
    if (!before || (before === mentor.id && !again) || endedBefore.has(`${mentee.id}|${before}`)) {
      const isNew = before !== undefined && before !== mentor.id;
      if (row.status !== 'Announced') {
        pairs.push(`${personLabel(mentee)} with ${personLabel(mentor)}`);
        toMark.push(row);
      }
      emails.push(
        pairEmail(ctx, MENTEE_KEY, `${MENTEE_KEY}:${mentee.email}:${mentor.id}`, mentee, mentor, {
          intro: isNew
            ? 'I am pleased to introduce your new mentor,'
            : 'I am pleased to introduce your mentor,',
        }),
        mentorSide(mentorKey),
      );
      continue;
    }
    // The coordinator changed the mentor of a pair already introduced: only those affected hear.
    if (row.status !== 'Announced') toMark.push(row);
    if (!again || row.status !== 'Announced') {
      corrections++;
      pairs.push(`${personLabel(mentee)} with ${personLabel(mentor)} (a correction)`);
    }
    emails.push(
      pairEmail(
        ctx,
        'pair-correction',
        keyed(`pair-correction:${mentee.email}:${mentor.id}`),
        mentee,
        mentor,
      ),
      mentorSide(keyed(mentorKey)),
    );
    const old = people.get(from ?? '');
    if (old)
      emails.push(
        pairEmail(
          ctx,
          'pair-cancelled',
          keyed(`pair-cancelled:${old.email}:${mentee.id}:${mentor.id}`),
          old,
          mentee,
        ),
      );
  }
  const done = (key: string) => {
    const status = statusOf(key);
    return status !== '' && status !== 'preview' && status !== 'skipped';
  };
  const fresh = emails.filter((e) => !done(e.key));
  // Held in the Outbox (by the day's quota, say) while the coordinator changed the pairs: an email this
  // run would not write is no longer true ("Meet your mentor" naming the mentor replaced), so it is
  // withdrawn, and the people hear what is true now, as if it had never been queued.
  const planned = new Set(emails.map((e) => e.key));
  const withdrawn = settings.dryRun
    ? []
    : introduced.queued.filter((r) => !planned.has(String(r.values[OUTBOX.key]).trim()));
  // Queued by a run that was cut off before it sent them (found by the fault trials, test/faults):
  // clicking again must send them, not say there is nothing new.
  const waiting = settings.dryRun ? 0 : emails.filter((e) => statusOf(e.key) === 'queued').length;
  const when = settings.dryRun ? '' : whenTheyGo(ports, fresh.length + waiting);
  return {
    settings,
    table,
    outbox,
    withdrawn,
    emails,
    fresh,
    waiting,
    toMark,
    pairs,
    corrections,
    endings,
    noMentee,
    when,
    senderProblem: senderProblem(ports, settings),
    bothRoles: bothRoles(selected(everyone, 'mentor'), selected(everyone, 'mentee')).note,
  };
}

const some = (names: readonly string[]) =>
  names.length > NAMES_SHOWN
    ? `${names.slice(0, NAMES_SHOWN).join('; ')} … and ${names.length - NAMES_SHOWN} more`
    : names.join('; ');

/**
 * "Announce pairs": each mentee and mentor of a Proposed or Locked pair is introduced to the other,
 * once, and the pair becomes Announced (matching never moves it again). A mentor with no mentee is
 * told kindly; the partner of someone who withdrew is told the pair has ended. If the coordinator
 * changed the mentor of an announced pair, only those affected hear: a correction for the mentee,
 * an introduction for the new mentor, a cancellation for the old one.
 */
export const announcePairsAction: MenuAction<void, AnnouncePlan> = {
  name: 'Announce pairs',
  plan: planAnnouncements,
  review: (plan) => {
    const { fresh, waiting, pairs, settings } = plan;
    if (plan.senderProblem && (fresh.length || waiting)) return { kind: 'stop', message: plan.senderProblem };
    // Introduced in both roles, they would be told of a mentor and of a mentee: they need one role first.
    if (plan.bothRoles)
      return { kind: 'stop', message: `${plan.bothRoles} Then click "Announce pairs" again.` };
    if (fresh.length === 0 && waiting === 0 && plan.toMark.length === 0 && plan.withdrawn.length === 0)
      return {
        kind: 'stop',
        message: plan.table.rows.some((r) => String(r.values[MATCH.status]) === 'Announced')
          ? 'Every pair has been announced already: nothing new to send.'
          : 'There are no Proposed or Locked pairs in the Matches tab: run matching first.',
      };
    const n = fresh.length + waiting;
    const lines = [
      `Send ${plural(n, 'email')}${waiting ? ` (${waiting} queued earlier)` : ''}:`,
      pairs.length ? `introducing ${plural(pairs.length, 'pair')}: ${some(pairs)}` : '',
      plan.noMentee.length
        ? `telling ${plural(plan.noMentee.length, 'mentor')} they have no mentee this time: ${some(plan.noMentee)}`
        : '',
      plan.endings ? `${plan.endings} about pairs that have ended` : '',
      plan.withdrawn.length
        ? `${plural(plan.withdrawn.length, 'email')} queued earlier about pairs since changed will not be sent`
        : '',
      plan.when,
      settings.dryRun ? 'Dry run is on: they go to the Outbox as previews only.' : '',
    ];
    return {
      kind: 'ask',
      question: lines.filter(Boolean).join('\n'),
      fingerprint: fingerprint([
        settings.dryRun,
        waiting,
        plan.withdrawn.map((r) => r.values[OUTBOX.key]),
        fresh.map((e) => [e.key, e.to, e.subject, e.body]),
      ]),
    };
  },
  act: (ports, plan) => {
    const budget = startBudget(ports.clock);
    const { settings } = plan;
    const error = 'Not sent: the pair changed before it could go, so the people heard what is true now.';
    updateAsOneBlock(
      ports,
      plan.outbox,
      new Map(
        plan.withdrawn.map((r) => [r.rowNumber, { [OUTBOX.status]: 'skipped', [OUTBOX.error]: error }]),
      ),
    );
    const queue = queueEmails(ports, plan.fresh, { dryRun: settings.dryRun });
    if (!settings.dryRun) {
      // Queued is as good as said: the Outbox sends each once, and the pair never moves again.
      const marks = new Map<number, RowValues>();
      const now = ports.clock.now();
      for (const row of plan.toMark)
        marks.set(row.row.rowNumber, {
          [MATCH.status]: 'Announced',
          [MATCH.announced]: isDate(row.announcedAt) ? row.announcedAt : now,
        });
      updateAsOneBlock(ports, plan.table, marks);
    }
    const delivery = deliverOutbox(ports, senderOf(settings), budget);
    const text = settings.dryRun
      ? `${queue.previews} previews written to the Outbox.`
      : deliveryText(delivery);
    writeLog(ports, [
      {
        level: 'info',
        action: 'Announce pairs',
        message: `${queue.queued} queued: ${plural(plan.pairs.length, 'pair')} introduced (${some(plan.pairs)})${plan.corrections ? `, ${plural(plan.corrections, 'correction')}` : ''}${plan.noMentee.length ? `, ${plural(plan.noMentee.length, 'mentor')} with no mentee told` : ''}. ${text}`,
      },
    ]);
    return text;
  },
};
