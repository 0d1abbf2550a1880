import type { EvaluatorExportInput } from '../../domain/close/evaluatorExport';
import { trimmedText } from '../../domain/text';
import type { Ports, Table } from '../../ports';
import { pairIds } from '../keepInTouch/state';
import { CHECK_IN } from '../keepInTouch/tabs';
import { MATCH, TAB } from '../tabs';
import type { Cohort } from './cohorts';
import { isIntroduced, type Participant, participantsOf } from './participants';

/** Matches columns that hold the November answer on whether a pair keeps meeting. */
const CONTINUATION_HEADING = /continu|keep meeting/i;

/** One of a cohort's tabs, wherever it is now (renamed when archived), or null when it has none. */
export function cohortTab(ports: Pick<Ports, 'workbook'>, cohort: Cohort, name: string): Table | null {
  const actual = cohort.tabs[name];
  return actual && ports.workbook.hasTab(actual) ? ports.workbook.read(actual) : null;
}

export interface CohortData {
  readonly applicants: Table | null;
  readonly matches: Table | null;
  readonly checkIns: Table | null;
  readonly participants: readonly Participant[];
}

export function readCohort(ports: Pick<Ports, 'workbook'>, cohort: Cohort): CohortData {
  const applicants = cohortTab(ports, cohort, TAB.applicants);
  const matches = cohortTab(ports, cohort, TAB.matches);
  return {
    applicants,
    matches,
    checkIns: cohortTab(ports, cohort, TAB.checkIns),
    participants: applicants ? participantsOf(applicants, matches) : [],
  };
}

/** The other ID of a check-in's Pair cell ("Sam Lee (ME-001) & Ann Jones (MR-002)"), or ''. */
function partnerOf(id: string, pair: unknown): string {
  const ids = pairIds(pair);
  return ids?.find((other) => other !== id) ?? '';
}

/** What the evaluator's export is made from (the domain decides what of it goes in). */
export function exportInput(data: CohortData, cohort: Cohort, madeOn: string): EvaluatorExportInput {
  const continuationHeadings = (data.matches?.headers ?? []).filter((h) => CONTINUATION_HEADING.test(h));
  return {
    programmeName: cohort.programmeName,
    madeOn,
    participants: data.participants.map((p) => ({
      id: p.id,
      role: p.role,
      areas: p.areas,
      toTheEnd: p.toTheEnd,
      consented: p.consented,
    })),
    pairs: (data.matches?.rows ?? [])
      .filter((r) => isIntroduced(r.values[MATCH.status]))
      .map((r) => ({
        menteeId: trimmedText(r.values[MATCH.menteeId]),
        mentorId: trimmedText(r.values[MATCH.mentorId]),
        choiceRank: r.values[MATCH.choiceRank],
        endedEarly: trimmedText(r.values[MATCH.status]).toLowerCase() === 'ended',
        continuation: Object.fromEntries(continuationHeadings.map((h) => [h, r.values[h]])),
      })),
    // Answers from the person's own link only: one that needs review may be someone else's.
    checkIns: (data.checkIns?.rows ?? [])
      .filter((r) => trimmedText(r.values[CHECK_IN.status]) === 'Answered')
      .map((r) => ({
        id: trimmedText(r.values[CHECK_IN.personId]),
        partnerId: partnerOf(trimmedText(r.values[CHECK_IN.personId]), r.values[CHECK_IN.pair]),
        round: r.values[CHECK_IN.round],
        met: r.values[CHECK_IN.met],
        rating: r.values[CHECK_IN.rating],
        coach: r.values[CHECK_IN.coach],
      })),
    continuationHeadings,
  };
}
