import { isDate } from '../../domain/dates';
import { fingerprint } from '../../domain/fingerprint';
import {
  MatchInputError,
  type MatchInstance,
  type MatchResult,
  match,
  type PairRef,
} from '../../domain/matching';
import { plural, textOf, trimmedText } from '../../domain/text';
import { listed } from '../../domain/wording';
import type { Ports, RowValues, Table } from '../../ports';
import { startBudget } from '../budget';
import { readProgramme, readSettings, readTemplates, senderOf, todayOf } from '../context';
import { writeLog } from '../log';
import { deliverOutbox, deliveryText } from '../outbox/deliver';
import { type PlannedEmail, queueEmails } from '../outbox/queue';
import { assertTemplatesUsable } from '../outbox/render';
import { bothRoles, idFromLabel, type Person, peopleOf, personLabel, selected } from '../people';
import type { MenuAction } from '../run';
import { applicantsTab, CHOICE, CHOICE_COLUMNS, choicesTab, MATCH, matchesTab } from '../tabs';
import { updateAsOneBlock } from '../write';
import { endingEmails, type PairCtx, type PairRow, pairRows } from './pairs';

const ACTION = 'Run matching';
const RANK_WORDS = { 1: '1st', 2: '2nd', 3: '3rd' } as const;
/** How many names a preview lists before "… and N more". */
const NAMES_SHOWN = 12;

export interface MatchingReport {
  readonly matched: number;
  readonly unmatched: number;
  readonly byChoice: { first: number; second: number; third: number; unchosen: number };
  readonly locked: number;
  readonly excluded: number;
  /** Pairs already introduced, kept as they are. */
  readonly announced: number;
  /** Selected mentors with no mentee ("MR-003 Ann Lee"). */
  readonly idleMentors: readonly string[];
  readonly mentees: number;
  readonly mentors: number;
  /** Who is Selected in both roles, in words ('' when nobody). */
  readonly bothRoles: string;
}

/** A mentee's choices: from their personal link, or accepted by the coordinator; the latest counts. */
export function menteeChoices(table: Table): Map<string, string[]> {
  const latest = new Map<string, { at: number; choices: string[] }>();
  for (const r of table.rows) {
    const status = trimmedText(r.values[CHOICE.status]) || 'Valid';
    if (!['Valid', 'Accept', 'Accepted'].includes(status)) continue;
    const id = trimmedText(r.values[CHOICE.menteeId]);
    if (!id) continue;
    const when = r.values[CHOICE.submittedAt];
    const at = isDate(when) ? when.getTime() : 0;
    const before = latest.get(id);
    if (!before || at >= before.at)
      latest.set(id, { at, choices: CHOICE_COLUMNS.map((c) => idFromLabel(r.values[c])) });
  }
  return new Map([...latest].map(([id, v]) => [id, v.choices]));
}

interface MatchingPlan {
  readonly table: Table;
  readonly rows: RowValues[];
  /** Announced pairs that end now (one side withdrew): the other side hears. */
  readonly endings: PairRow[];
  readonly emails: PlannedEmail[];
  readonly report: MatchingReport;
  /** What changes, by name, for the question. */
  readonly changes: string[];
  readonly unchanged: boolean;
  readonly dryRun: boolean;
}

const pairKey = (p: { menteeId: string; mentorId: string }) => `${p.menteeId}|${p.mentorId}`;
const label = (people: ReadonlyMap<string, Person>, id: string) => {
  const p = people.get(id);
  return p ? personLabel(p) : id;
};

function some(names: readonly string[]): string {
  return names.length > NAMES_SHOWN
    ? `${names.slice(0, NAMES_SHOWN).join(', ')} … and ${names.length - NAMES_SHOWN} more`
    : names.join(', ');
}

/**
 * Plans a run: pairs the coordinator Announced or Locked stay exactly as they are (they count toward
 * the mentors' places); a live pair where one side is no longer Selected ends; the engine matches
 * the mentees without a live pair into the places left (two people whose pair ended are never
 * paired again), spreading mentees so no selected mentor is left idle where it can be helped.
 */
function planMatching(ports: Ports): MatchingPlan {
  const { settings } = readSettings(ports);
  const all = peopleOf(ports.workbook.read(applicantsTab));
  const people = new Map<string, Person>(all.map((p) => [p.id, p]));
  ports.workbook.ensureTab(choicesTab);
  ports.workbook.ensureTab(matchesTab);
  const choices = menteeChoices(ports.workbook.read(choicesTab));
  const table = ports.workbook.read(matchesTab);
  const current = pairRows(table);
  const mentors = selected(all, 'mentor');
  const mentees = selected(all, 'mentee');
  const isSelected = (id: string) => people.get(id)?.status === 'Selected';
  const today = todayOf(ports, settings);
  // Someone Selected in both roles is never their own mentor: the pair is excluded like a
  // coordinator's exclusion, even if Locked or Announced. Matching still runs, for everyone, and
  // every message it gives names them: refusing would hold up the whole cohort's proposals for one
  // person, while proposals only fill the Matches tab and nobody hears until Announce pairs.
  const both = bothRoles(mentors, mentees);
  const self = new Set(both.pairs.map((p) => `${p.mentee}|${p.mentor}`));

  const live = current.filter(
    (p) =>
      (p.status === 'Announced' || p.status === 'Locked') &&
      p.menteeId &&
      p.mentorId &&
      !self.has(pairKey(p)),
  );
  const ending = live.filter((p) => !isSelected(p.menteeId) || !isSelected(p.mentorId));
  const staying = live.filter((p) => !ending.includes(p));
  const ended = [...current.filter((p) => p.status === 'Ended'), ...ending];
  const exclusions: PairRef[] = [
    ...current.filter((p) => p.status === 'Excluded'),
    ...ended, // Two people whose pair is over are not put together again.
  ]
    .filter((p) => p.menteeId && p.mentorId && isSelected(p.menteeId) && isSelected(p.mentorId))
    .map((p) => ({ mentee: p.menteeId, mentor: p.mentorId }))
    .concat(both.pairs);
  const locks: PairRef[] = staying.map((p) => ({ mentee: p.menteeId, mentor: p.mentorId }));
  const mentorIds = new Set(mentors.map((m) => m.id));
  const instance: MatchInstance = {
    mentors: mentors.map((m) => ({
      id: m.id,
      name: m.name,
      organisation: m.libraryService,
      capacity: m.capacity ?? 1,
      expertise: m.areas,
    })),
    mentees: mentees.map((m) => ({
      id: m.id,
      name: m.name,
      organisation: m.libraryService,
      needs: m.areas,
      // A chosen mentor who has since withdrawn (or was never selected) is not a choice any more.
      choices: [
        ...new Set((choices.get(m.id) ?? []).filter((id) => mentorIds.has(id) && !self.has(`${m.id}|${id}`))),
      ],
    })),
    locks: dedupe(locks),
    exclusions: dedupe(exclusions),
    options: { allowUnchosen: true, sameOrganisation: 'exclude', balance: true },
  };
  let result: MatchResult;
  try {
    result = match(instance);
  } catch (e) {
    if (e instanceof MatchInputError) throw new Error(`Matching could not run: ${e.message}`);
    throw e;
  }

  const byPair = new Map(staying.map((p) => [pairKey(p), p]));
  const notes = new Map(current.map((p) => [`${pairKey(p)}|${p.status}`, p.row.values[MATCH.notes] ?? '']));
  const note = (menteeId: string, mentorId: string, status: string) =>
    notes.get(`${menteeId}|${mentorId}|${status}`) ?? '';
  const rows: RowValues[] = [];
  for (const pair of result.pairs) {
    const mentee = people.get(pair.mentee)!;
    const mentor = people.get(pair.mentor)!;
    const kept = byPair.get(`${pair.mentee}|${pair.mentor}`);
    const status = kept?.status ?? 'Proposed';
    rows.push({
      [MATCH.menteeId]: mentee.id,
      [MATCH.mentee]: mentee.name,
      [MATCH.mentorId]: mentor.id,
      [MATCH.mentor]: `${mentor.name} (${mentor.libraryService})`,
      [MATCH.choiceRank]: pair.choiceRank ? RANK_WORDS[pair.choiceRank] : 'not chosen',
      [MATCH.sharedAreas]: pair.sharedAreas.join(', '),
      // An announced pair keeps the reason it was announced with (the engine sees it as a lock).
      [MATCH.reason]:
        status === 'Announced' && kept?.row.values[MATCH.reason]
          ? String(kept.row.values[MATCH.reason])
          : pair.reason,
      [MATCH.status]: status,
      [MATCH.announced]: kept?.announcedAt ?? '',
      [MATCH.ended]: '',
      [MATCH.notes]: note(mentee.id, mentor.id, status),
      // Rows are rewritten in a new order: a pair's continuation answers must move with it.
      ...continuationOf(kept?.row.values),
    });
  }
  for (const u of result.unmatched)
    rows.push({
      [MATCH.menteeId]: u.mentee,
      [MATCH.mentee]: people.get(u.mentee)?.name ?? '',
      [MATCH.mentorId]: '',
      [MATCH.mentor]: '',
      [MATCH.choiceRank]: '',
      [MATCH.sharedAreas]: '',
      [MATCH.reason]: u.reason,
      [MATCH.status]: 'Unmatched',
      [MATCH.announced]: '',
      [MATCH.ended]: '',
      [MATCH.notes]: note(u.mentee, '', 'Unmatched'),
      ...continuationOf(undefined),
    });
  for (const id of result.summary.idleMentors) {
    const mentor = people.get(id);
    rows.push({
      [MATCH.menteeId]: '',
      [MATCH.mentee]: '',
      [MATCH.mentorId]: id,
      [MATCH.mentor]: mentor ? `${mentor.name} (${mentor.libraryService})` : id,
      [MATCH.choiceRank]: '',
      [MATCH.sharedAreas]: '',
      [MATCH.reason]:
        'Selected, but no mentee this time: every mentee has a mentor they chose or who shares their needs, and no swap would help. Announce pairs tells them, kindly.',
      [MATCH.status]: 'No mentee',
      [MATCH.announced]: '',
      [MATCH.ended]: '',
      [MATCH.notes]: note('', id, 'No mentee'),
      ...continuationOf(undefined),
    });
  }
  for (const x of current.filter((p) => p.status === 'Excluded')) rows.push({ ...x.row.values });
  for (const e of ended) {
    const why = ending.includes(e)
      ? `${[e.menteeId, e.mentorId]
          .filter((id) => !isSelected(id))
          .map((id) => label(people, id))
          .join(' and ')} withdrew (${today})`
      : e.ended || 'ended by the coordinator';
    rows.push({ ...e.row.values, [MATCH.status]: 'Ended', [MATCH.ended]: why });
  }

  // What changes, by name.
  const changes: string[] = [];
  const proposedBefore = new Map(
    current.filter((p) => p.status === 'Proposed').map((p) => [p.menteeId, p.mentorId]),
  );
  const fresh = result.pairs.filter((p) => !byPair.has(`${p.mentee}|${p.mentor}`));
  const moved = fresh.filter(
    (p) => proposedBefore.has(p.mentee) && proposedBefore.get(p.mentee) !== p.mentor,
  );
  const newOnes = fresh.filter((p) => !proposedBefore.has(p.mentee));
  if (ending.length)
    changes.push(
      `Pairs that end (someone is no longer Selected; the other side is told): ${some(ending.map((e) => `${label(people, e.menteeId)} with ${label(people, e.mentorId)}`))}.`,
    );
  if (newOnes.length)
    changes.push(
      `New proposed pairs: ${some(newOnes.map((p) => `${label(people, p.mentee)} with ${label(people, p.mentor)}`))}.`,
    );
  if (moved.length)
    changes.push(
      `Proposals that change (not yet announced): ${some(moved.map((p) => `${label(people, p.mentee)}: now ${label(people, p.mentor)}, was ${label(people, proposedBefore.get(p.mentee)!)}`))}.`,
    );
  if (result.unmatched.length)
    changes.push(
      `Unmatched: ${some(result.unmatched.map((u) => label(people, u.mentee)))} (the Matches tab says why).`,
    );
  if (result.summary.idleMentors.length)
    changes.push(
      `Selected mentors with no mentee: ${some(result.summary.idleMentors.map((id) => label(people, id)))}.`,
    );
  if (staying.length)
    changes.push(
      `Kept as they are: ${staying.filter((p) => p.status === 'Announced').length} announced and ${staying.filter((p) => p.status === 'Locked').length} locked ${staying.length === 1 ? 'pair' : 'pairs'}.`,
    );

  const templates = readTemplates(ports);
  assertTemplatesUsable(templates, ['pair-ended-mentee', 'pair-ended-mentor']);
  const ctx: PairCtx = { settings, templates, programme: readProgramme(ports), today };
  const emails = ending.flatMap((e) => endingEmails(ctx, e, people));
  const unchanged = sameRows(table, rows);
  const c = result.summary.byChoice;
  const report: MatchingReport = {
    matched: result.summary.matched,
    unmatched: result.summary.unmatched,
    byChoice: c,
    locked: staying.filter((p) => p.status === 'Locked').length,
    excluded: exclusions.length,
    announced: staying.filter((p) => p.status === 'Announced').length,
    idleMentors: result.summary.idleMentors.map((id) => label(people, id)),
    mentees: mentees.length,
    mentors: mentors.length,
    bothRoles: both.note,
  };
  return { table, rows, endings: ending, emails, report, changes, unchanged, dryRun: settings.dryRun };
}

function dedupe(pairs: PairRef[]): PairRef[] {
  const seen = new Set<string>();
  return pairs.filter((p) => {
    const k = `${p.mentee}|${p.mentor}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const cellText = (v: unknown) => (isDate(v) ? v.getTime() : textOf(v));

/** Would writing `rows` change what the tab shows? (Order included.) */
function sameRows(table: Table, rows: readonly RowValues[]): boolean {
  if (table.rows.length !== rows.length) return false;
  return rows.every((r, i) =>
    Object.values(MATCH).every((h) => cellText(r[h]) === cellText(table.rows[i]!.values[h])),
  );
}

/**
 * "Run matching": the best pairs for the mentees without one, a reason for each, never moving a
 * pair already announced or locked; pairs whose person withdrew end, and the other side is told.
 * The preview says what changes, by name; running it again with nothing changed changes nothing.
 */
export const runMatchingAction: MenuAction<void, MatchingPlan> = {
  name: ACTION,
  plan: planMatching,
  review: (plan) => {
    if (plan.report.mentees === 0 || plan.report.mentors === 0)
      return {
        kind: 'stop',
        message:
          'Matching needs selected mentees and selected mentors: set their Status to Selected in the Applicants tab first.',
      };
    if (plan.unchanged)
      return {
        kind: 'stop',
        message: `Nothing has changed since matching last ran. ${matchingText(plan.report)}`,
      };
    return {
      kind: 'ask',
      question: `${matchingText(plan.report)}\n\n${plan.changes.join('\n')}`,
      fingerprint: fingerprint([plan.rows.map((r) => Object.values(MATCH).map((h) => cellText(r[h])))]),
    };
  },
  act: (ports, plan) => writeMatching(ports, plan).text,
};

function writeMatching(ports: Ports, plan: MatchingPlan): { text: string } {
  const budget = startBudget(ports.clock);
  rewrite(ports, plan.table, plan.rows);
  let sent = '';
  if (plan.emails.length) {
    const queue = queueEmails(ports, plan.emails, { dryRun: plan.dryRun });
    const { settings } = readSettings(ports);
    sent = plan.dryRun
      ? ` ${queue.previews} previews of the emails about ended pairs written.`
      : ` Emails about ended pairs: ${deliveryText(deliverOutbox(ports, senderOf(settings), budget))}`;
  }
  const text = `${matchingText(plan.report)}\n${plan.changes.join('\n')}${sent}`;
  writeLog(ports, [{ level: 'info', action: ACTION, message: text.replace(/\n/g, ' ') }]);
  return { text };
}

/** A pair's continuation answers, to carry into its rewritten row ('' for a row that is no pair). */
function continuationOf(values: Readonly<RowValues> | undefined): RowValues {
  return Object.fromEntries(
    [MATCH.menteeContinues, MATCH.mentorContinues, MATCH.continues].map((h) => [h, values?.[h] ?? '']),
  );
}

/** Replaces the tab's rows in one write: the first rows take the new values, the rest are blanked. */
function rewrite(ports: Ports, table: Table, rows: RowValues[]): void {
  const existing = table.rows.map((r) => r.rowNumber);
  const changes = new Map<number, RowValues>();
  const blank = Object.fromEntries(Object.values(MATCH).map((h) => [h, ''])) as RowValues;
  existing.forEach((rowNumber, i) => {
    changes.set(rowNumber, rows[i] ?? blank);
  });
  updateAsOneBlock(ports, table, changes);
  ports.workbook.append(table, rows.slice(existing.length));
}

/** The summary line, from the same numbers as the Matches tab. */
export function matchingText(report: MatchingReport): string {
  const c = report.byChoice;
  const mentorsMatched = report.mentors - report.idleMentors.length;
  return [
    report.bothRoles,
    `${report.matched} of ${report.mentees} selected mentees have a mentor, with ${mentorsMatched} of ${report.mentors} selected mentors: ${c.first} with their 1st choice, ${c.second} 2nd, ${c.third} 3rd, ${c.unchosen} with a mentor they did not choose.`,
    report.unmatched
      ? `${report.unmatched} unmatched: the Matches tab says why for each.`
      : 'Nobody is left unmatched.',
    report.idleMentors.length
      ? `${report.idleMentors.length} selected mentor${report.idleMentors.length === 1 ? ' has' : 's have'} no mentee: ${listed([...report.idleMentors])}.`
      : '',
    report.announced || report.locked || report.excluded
      ? `Kept: ${report.announced} announced and ${report.locked} locked ${report.announced + report.locked === 1 ? 'pair' : 'pairs'}; ${plural(report.excluded, 'pair')} never to be made.`
      : '',
    'Check the Matches tab (mark a pair Locked to keep it, Excluded to forbid it, and run matching again), then use Announce pairs.',
  ]
    .filter(Boolean)
    .join('\n');
}
