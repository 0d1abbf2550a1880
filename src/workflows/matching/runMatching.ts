import { MatchInputError, type MatchInstance, match, type PairRef } from '../../domain/matching';
import type { Ports, RowValues, Table } from '../../ports';
import { writeLog } from '../log';
import { idFromLabel, type Person, peopleOf, personLabel, selected } from '../people';
import { applicantsTab, CHOICE, CHOICE_COLUMNS, choicesTab, MATCH, matchesTab, TAB } from '../tabs';
import { updateAsOneBlock } from '../write';

const RANK_WORDS = { 1: '1st', 2: '2nd', 3: '3rd' } as const;

export interface MatchingReport {
  readonly matched: number;
  readonly unmatched: number;
  readonly byChoice: { first: number; second: number; third: number; unchosen: number };
  readonly locked: number;
  readonly excluded: number;
}

function coordinatorPairs(
  rows: ReturnType<Ports['workbook']['read']>['rows'],
  status: 'Locked' | 'Excluded',
): PairRef[] {
  return rows
    .filter(
      (r) =>
        String(r.values[MATCH.status] ?? '')
          .trim()
          .toLowerCase() === status.toLowerCase(),
    )
    .map((r) => ({
      mentee: idFromLabel(r.values[MATCH.menteeId]),
      mentor: idFromLabel(r.values[MATCH.mentorId]),
    }))
    .filter((p) => p.mentee && p.mentor);
}

/** A mentee's choices: from their personal link, or accepted by the coordinator; the latest counts. */
export function menteeChoices(table: Table): Map<string, string[]> {
  const latest = new Map<string, { at: number; choices: string[] }>();
  for (const r of table.rows) {
    const status = String(r.values[CHOICE.status] ?? '').trim() || 'Valid';
    if (!['Valid', 'Accept', 'Accepted'].includes(status)) continue;
    const id = String(r.values[CHOICE.menteeId] ?? '').trim();
    if (!id) continue;
    const when = r.values[CHOICE.submittedAt];
    const at = Object.prototype.toString.call(when) === '[object Date]' ? (when as Date).getTime() : 0;
    const before = latest.get(id);
    if (!before || at >= before.at)
      latest.set(id, { at, choices: CHOICE_COLUMNS.map((c) => idFromLabel(r.values[c])) });
  }
  return new Map([...latest].map(([id, v]) => [id, v.choices]));
}

/**
 * "Run matching": the selected mentees' choices and needs against the selected mentors' expertise
 * and capacity, keeping every pair the coordinator Locked and never making one they Excluded. The
 * Matches tab is rewritten with the proposal, a reason for each pair and each unmatched mentee.
 */
export function runMatching(ports: Ports): MatchingReport & { text: string } {
  const people = peopleOf(ports.workbook.read(applicantsTab));
  ports.workbook.ensureTab(choicesTab);
  ports.workbook.ensureTab(matchesTab);
  const choices = menteeChoices(ports.workbook.read(choicesTab));
  const matchesTable = ports.workbook.read(matchesTab);
  const mentors = selected(people, 'mentor');
  const mentees = selected(people, 'mentee');
  const mentorIds = new Set(mentors.map((m) => m.id));
  const menteeIds = new Set(mentees.map((m) => m.id));
  const keep = (p: PairRef) => mentorIds.has(p.mentor) && menteeIds.has(p.mentee);
  const locks = coordinatorPairs(matchesTable.rows, 'Locked').filter(keep);
  const exclusions = coordinatorPairs(matchesTable.rows, 'Excluded').filter(keep);
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
      choices: [...new Set((choices.get(m.id) ?? []).filter((id) => mentorIds.has(id)))],
    })),
    locks,
    exclusions,
    options: { allowUnchosen: true, sameOrganisation: 'exclude' },
  };
  let result: ReturnType<typeof match>;
  try {
    result = match(instance);
  } catch (e) {
    if (e instanceof MatchInputError) throw new Error(`Matching could not run: ${e.message}`);
    throw e;
  }
  const byId = new Map<string, Person>([...mentors, ...mentees].map((p) => [p.id, p]));
  const lockedKey = new Set(locks.map((l) => `${l.mentee}|${l.mentor}`));
  const rows: RowValues[] = [
    ...result.pairs.map((pair) => {
      const mentee = byId.get(pair.mentee)!;
      const mentor = byId.get(pair.mentor)!;
      const locked = lockedKey.has(`${pair.mentee}|${pair.mentor}`);
      return {
        [MATCH.menteeId]: mentee.id,
        [MATCH.mentee]: mentee.name,
        [MATCH.mentorId]: mentor.id,
        [MATCH.mentor]: `${mentor.name} (${mentor.libraryService})`,
        [MATCH.choiceRank]: pair.choiceRank ? RANK_WORDS[pair.choiceRank] : 'not chosen',
        [MATCH.sharedAreas]: pair.sharedAreas.join(', '),
        [MATCH.reason]: pair.reason,
        [MATCH.status]: locked ? 'Locked' : 'Proposed',
      };
    }),
    ...result.unmatched.map((u) => ({
      [MATCH.menteeId]: u.mentee,
      [MATCH.mentee]: byId.get(u.mentee)?.name ?? '',
      [MATCH.mentorId]: '',
      [MATCH.mentor]: '',
      [MATCH.choiceRank]: '',
      [MATCH.sharedAreas]: '',
      [MATCH.reason]: u.reason,
      [MATCH.status]: 'Unmatched',
    })),
    ...exclusions.map((x) => ({
      [MATCH.menteeId]: x.mentee,
      [MATCH.mentee]: byId.get(x.mentee)?.name ?? '',
      [MATCH.mentorId]: x.mentor,
      [MATCH.mentor]: byId.get(x.mentor) ? personLabel(byId.get(x.mentor)!) : x.mentor,
      [MATCH.choiceRank]: '',
      [MATCH.sharedAreas]: '',
      [MATCH.reason]: 'Excluded by the coordinator: never paired.',
      [MATCH.status]: 'Excluded',
    })),
  ];
  // Notes the coordinator wrote against a mentee stay with that mentee's row.
  const notes = new Map(
    matchesTable.rows.map((r) => [
      `${String(r.values[MATCH.menteeId])}|${String(r.values[MATCH.status])}`,
      r.values[MATCH.notes] ?? '',
    ]),
  );
  for (const row of rows)
    row[MATCH.notes] = notes.get(`${String(row[MATCH.menteeId])}|${String(row[MATCH.status])}`) ?? '';
  rewrite(ports, matchesTable, rows);
  const report: MatchingReport = {
    matched: result.summary.matched,
    unmatched: result.summary.unmatched,
    byChoice: result.summary.byChoice,
    locked: locks.length,
    excluded: exclusions.length,
  };
  const text = matchingText(report, mentees.length, mentors.length);
  writeLog(ports, [{ level: 'info', action: 'Run matching', message: text.replace(/\n/g, ' ') }]);
  return { ...report, text };
}

/** Replaces the tab's rows in one write: the first rows take the new values, the rest are blanked. */
function rewrite(ports: Ports, table: ReturnType<Ports['workbook']['read']>, rows: RowValues[]): void {
  const existing = table.rows.map((r) => r.rowNumber);
  const changes = new Map<number, RowValues>();
  const blank = Object.fromEntries(Object.values(MATCH).map((h) => [h, ''])) as RowValues;
  existing.forEach((rowNumber, i) => {
    changes.set(rowNumber, rows[i] ?? blank);
  });
  updateAsOneBlock(ports, table, changes);
  ports.workbook.append(table, rows.slice(existing.length));
}

export function matchingText(report: MatchingReport, mentees: number, mentors: number): string {
  const c = report.byChoice;
  return [
    `${report.matched} of ${mentees} selected mentees matched with ${mentors} mentors: ${c.first} with their 1st choice, ${c.second} 2nd, ${c.third} 3rd, ${c.unchosen} with a mentor they did not choose.`,
    report.unmatched
      ? `${report.unmatched} unmatched: the Matches tab says why for each.`
      : 'Nobody is left unmatched.',
    report.locked || report.excluded
      ? `Kept your ${report.locked} locked and ${report.excluded} excluded pair(s).`
      : '',
    'Check the Matches tab (mark a pair Locked to keep it, Excluded to forbid it, and run matching again), then use Announce pairs.',
  ]
    .filter(Boolean)
    .join('\n');
}
