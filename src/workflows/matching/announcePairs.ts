import { programmeDatesText } from '../../domain/dates';
import { pairAnnouncementKey } from '../../domain/default-templates';
import { fingerprint } from '../../domain/fingerprint';
import type { ProgrammeDate } from '../../domain/scheme';
import type { Settings } from '../../domain/settings';
import type { Template } from '../../domain/templates';
import { isValidEmail } from '../../domain/text';
import type { Ports } from '../../ports';
import { startBudget } from '../budget';
import { readProgramme, readSettings, readTemplates, senderOf } from '../context';
import { writeLog } from '../log';
import { deliverOutbox, deliveryText } from '../outbox/deliver';
import { knownStatus, outboxStatus, type PlannedEmail, queueEmails } from '../outbox/queue';
import { assertTemplatesUsable, renderEmail } from '../outbox/render';
import { idFromLabel, type Person, peopleOf } from '../people';
import type { MenuAction } from '../run';
import { applicantsTab, MATCH, matchesTab, OUTBOX, outboxTab } from '../tabs';

const MENTEE_KEY = pairAnnouncementKey('mentee');
const MENTOR_KEY = pairAnnouncementKey('mentor');
const TEMPLATES = [MENTEE_KEY, MENTOR_KEY, 'pair-correction', 'pair-cancelled'];

interface Ctx {
  settings: Settings;
  templates: Map<string, Template>;
  programme: ProgrammeDate[];
  today: string;
}

/** The email telling `to` about `other`. */
function pairEmail(
  ctx: Ctx,
  template: string,
  key: string,
  to: Person,
  other: Person,
  extra: Record<string, string> = {},
): PlannedEmail {
  const shared = to.areas.filter((a) => other.areas.some((b) => b.toLowerCase() === a.toLowerCase()));
  return renderEmail(ctx.templates, template, {
    key,
    to: to.email,
    name: to.name,
    values: {
      name: to.name,
      programmeName: ctx.settings.programmeName,
      coordinatorName: ctx.settings.coordinatorName,
      coordinatorEmail: ctx.settings.coordinatorEmail,
      otherName: other.name,
      otherEmail: other.email,
      otherLibraryService: other.libraryService,
      sharedAreas: shared.length
        ? shared.join(', ').toLowerCase()
        : 'none listed by both of you (your coordinator matched you on your choices)',
      dates: programmeDatesText(ctx.programme, to.role, ctx.today),
      otherRole: other.role,
      ...extra,
    },
    blockedBy: isValidEmail(to.email) ? undefined : 'No valid email address: nothing can be sent.',
  });
}

interface AnnouncePlan {
  readonly settings: Settings;
  readonly emails: PlannedEmail[];
  /** Not yet in the Outbox (or only as previews). */
  readonly fresh: PlannedEmail[];
  /** Queued by a run that was cut off before it sent them: they go now. */
  readonly waiting: number;
  readonly pairs: number;
  readonly corrections: number;
}

function planAnnouncements(ports: Ports): AnnouncePlan {
  const { settings } = readSettings(ports);
  const templates = readTemplates(ports);
  assertTemplatesUsable(templates, TEMPLATES);
  const ctx: Ctx = {
    settings,
    templates,
    programme: readProgramme(ports),
    today: ports.clock.wallClock(ports.clock.now(), settings.timeZone).slice(0, 10),
  };
  const people = new Map(peopleOf(ports.workbook.read(applicantsTab)).map((p) => [p.id, p]));
  const outbox = ports.workbook.read(outboxTab);
  const statusOf = knownStatus(ports, outbox);
  // What each mentee was last told: their mentor's id, from the keys of announcements that went.
  const announced = new Map<string, string>();
  for (const row of outbox.rows) {
    const key = String(row.values[OUTBOX.key] ?? '');
    const status = outboxStatus(row.values[OUTBOX.status]);
    if (status !== 'sent' && status !== 'queued' && status !== 'unconfirmed') continue;
    const m = /^(?:pair-announcement-mentee|pair-correction):([^:]+):([A-Z]{2}-\d+)$/.exec(key);
    if (m) announced.set(m[1]!, m[2]!);
  }
  const emails: PlannedEmail[] = [];
  let pairs = 0;
  let corrections = 0;
  for (const row of ports.workbook.read(matchesTab).rows) {
    const status = String(row.values[MATCH.status] ?? '')
      .trim()
      .toLowerCase();
    if (status !== 'proposed' && status !== 'locked') continue;
    const mentee = people.get(idFromLabel(row.values[MATCH.menteeId]));
    const mentor = people.get(idFromLabel(row.values[MATCH.mentorId]));
    if (!mentee || !mentor) continue;
    pairs++;
    const before = announced.get(mentee.email);
    const mentorSide = pairEmail(
      ctx,
      MENTOR_KEY,
      `${MENTOR_KEY}:${mentor.email}:${mentee.id}`,
      mentor,
      mentee,
    );
    if (!before || before === mentor.id) {
      emails.push(
        pairEmail(ctx, MENTEE_KEY, `${MENTEE_KEY}:${mentee.email}:${mentor.id}`, mentee, mentor),
        mentorSide,
      );
      continue;
    }
    corrections++;
    emails.push(
      pairEmail(ctx, 'pair-correction', `pair-correction:${mentee.email}:${mentor.id}`, mentee, mentor),
      mentorSide,
    );
    const old = people.get(before);
    if (old)
      emails.push(
        pairEmail(
          ctx,
          'pair-cancelled',
          `pair-cancelled:${old.email}:${mentee.id}:${mentor.id}`,
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
  // Queued by a run that was cut off before it sent them (found by the fault trials, test/faults):
  // clicking again must send them, not say there is nothing new.
  const waiting = settings.dryRun ? 0 : emails.filter((e) => statusOf(e.key) === 'queued').length;
  return { settings, emails, fresh, waiting, pairs, corrections };
}

/**
 * "Announce pairs": each mentee and each mentor of a Proposed or Locked pair is told who the other
 * is, once per pair. If a mentee's pair changed after it was announced, only the people affected
 * hear: the mentee gets a correction, the new mentor an introduction, the old mentor a cancellation.
 */
export const announcePairsAction: MenuAction<void, AnnouncePlan> = {
  name: 'Announce pairs',
  plan: planAnnouncements,
  review: (plan) => {
    const { fresh, waiting, pairs, corrections, settings } = plan;
    if (fresh.length === 0 && waiting === 0)
      return {
        kind: 'stop',
        message: pairs
          ? `All ${pairs} pairs have already been announced: nothing new to send.`
          : 'There are no Proposed or Locked pairs in the Matches tab: run matching first.',
      };
    const n = fresh.length + waiting;
    return {
      kind: 'ask',
      question: `Send ${n} email${n === 1 ? '' : 's'}${waiting ? ` (${waiting} queued earlier)` : ''} about ${pairs} pairs${corrections ? ` (${corrections} correction${corrections === 1 ? '' : 's'} for pairs changed since they were announced)` : ''}?${settings.dryRun ? '\nDry run is on: they go to the Outbox as previews only.' : ''}`,
      fingerprint: fingerprint([
        settings.dryRun,
        waiting,
        fresh.map((e) => [e.key, e.to, e.subject, e.body]),
      ]),
    };
  },
  act: (ports, plan) => {
    const budget = startBudget(ports.clock);
    const { settings } = plan;
    const queue = queueEmails(ports, plan.fresh, { dryRun: settings.dryRun });
    const delivery = deliverOutbox(ports, senderOf(settings), budget);
    const text = settings.dryRun
      ? `${queue.previews} previews written to the Outbox.`
      : deliveryText(delivery);
    writeLog(ports, [
      {
        level: 'info',
        action: 'Announce pairs',
        message: `${queue.queued} queued (${plan.corrections} corrections). ${text}`,
      },
    ]);
    return text;
  },
};
