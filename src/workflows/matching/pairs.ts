import { isDate, programmeDatesText } from '../../domain/dates';
import type { ProgrammeDate } from '../../domain/scheme';
import type { Settings } from '../../domain/settings';
import type { Template } from '../../domain/templates';
import { isValidEmail, trimmedText } from '../../domain/text';
import type { Cell, Table, TableRow } from '../../ports';
import { baseValues } from '../context';
import { ERASED_NAME } from '../erase/scrub';
import type { PlannedEmail } from '../outbox/queue';
import { renderEmail } from '../outbox/render';
import { idFromLabel, type Person } from '../people';
import { MATCH, MATCH_STATUSES, type MatchStatus } from '../tabs';

/** One row of the Matches tab, read. */
export interface PairRow {
  readonly row: TableRow;
  readonly menteeId: string;
  readonly mentorId: string;
  readonly status: MatchStatus | null;
  readonly announcedAt: Cell | undefined;
  readonly ended: string;
}

export function pairRows(table: Table): PairRow[] {
  return table.rows.map((row) => {
    const typed = trimmedText(row.values[MATCH.status]).toLowerCase();
    return {
      row,
      menteeId: idFromLabel(row.values[MATCH.menteeId]),
      mentorId: idFromLabel(row.values[MATCH.mentorId]),
      status: MATCH_STATUSES.find((s) => s.toLowerCase() === typed) ?? null,
      announcedAt: row.values[MATCH.announced],
      ended: trimmedText(row.values[MATCH.ended]),
    };
  });
}

/** Everything a pair email needs besides the two people. */
export interface PairCtx {
  readonly settings: Settings;
  readonly templates: Map<string, Template>;
  readonly programme: ProgrammeDate[];
  readonly today: string;
}

/** The email telling `to` about `other`. */
export function pairEmail(
  ctx: PairCtx,
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
      ...baseValues(ctx.settings),
      name: to.name,
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

/**
 * The emails an ended pair sends: to the partner of someone who withdrew ("X has withdrawn"), or to
 * both when the coordinator ended it. Only a pair that was announced has anyone to tell. `next`: the
 * new partners (by person id) that the same run introduces, so that the email says who they are
 * instead of "we will look for another mentor" (Announce pairs after a pair was ended by hand and
 * matching run again).
 */
export function endingEmails(
  ctx: PairCtx,
  pair: PairRow,
  people: ReadonlyMap<string, Person>,
  next: ReadonlyMap<string, readonly Person[]> = new Map(),
): PlannedEmail[] {
  if (!isDate(pair.announcedAt)) return [];
  const mentee = people.get(pair.menteeId);
  const mentor = people.get(pair.mentorId);
  if (!mentee || !mentor) return [];
  const gone = (p: Person) => p.status !== 'Selected';
  const out: PlannedEmail[] = [];
  for (const [to, other] of [
    [mentee, mentor],
    [mentor, mentee],
  ] as const) {
    if (gone(to)) continue; // They withdrew (or were withdrawn): they know.
    const why = gone(other)
      ? other.name && other.name !== ERASED_NAME
        ? `${other.name} has withdrawn from the scheme`
        : 'Your mentoring partner has left the scheme'
      : 'Your coordinator has brought your pairing to an end';
    out.push(
      pairEmail(
        ctx,
        `pair-ended-${to.role}`,
        `pair-ended-${to.role}:${to.email}:${mentee.id}:${mentor.id}`,
        to,
        other,
        {
          why,
          whatNext: whatNext(
            to,
            (next.get(to.id) ?? []).filter((p) => p.id !== other.id),
          ),
        },
      ),
    );
  }
  return out;
}

/** What follows the end of a pair for `to`: the new partners introduced alongside, or what to expect. */
function whatNext(to: Person, partners: readonly Person[]): string {
  const otherRole = to.role === 'mentee' ? 'mentor' : 'mentee';
  if (partners.length === 0)
    return to.role === 'mentee'
      ? 'We will look for another mentor for you and be in touch.'
      : 'We may ask whether you could take another mentee.';
  const names = partners.map((p) => (p.libraryService ? `${p.name} of ${p.libraryService}` : p.name));
  const list =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const many = partners.length > 1;
  return `Your new ${otherRole}${many ? 's are' : ' is'} ${list}: ${many ? 'separate emails introduce' : 'a separate email introduces'} you to each other.`;
}
