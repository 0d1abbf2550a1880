import type { TabSpec } from '../../ports';
import { before, TAB } from '../tabs';

export const CHECK_IN = {
  personId: 'Person ID',
  name: 'Name',
  role: 'Role',
  pair: 'Pair',
  round: 'Round',
  sentOn: 'Sent on',
  answeredOn: 'Answered on',
  met: 'Met since the last check-in',
  rating: 'How it is going (1–5)',
  note: 'For the coordinator',
  coach: 'Wants the coach',
  status: 'Status',
  problems: 'Problems',
  submissions: 'Submissions',
  history: 'Submission history',
} as const;

/**
 * Waiting: sent, not answered yet. Answered: from the person's own link (the latest answer wins).
 * Needs review: no valid personal code, so it counts for nobody.
 */
export const CHECK_IN_STATUSES = ['Waiting', 'Answered', 'Needs review'] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

/** One row per person, pair and round; answers from the person's own link only. */
export const checkInsTab: TabSpec = {
  name: TAB.checkIns,
  after: before(TAB.checkIns),
  columns: [
    { header: CHECK_IN.personId, width: 80, required: true },
    { header: CHECK_IN.name },
    { header: CHECK_IN.role, width: 60 },
    {
      header: CHECK_IN.pair,
      width: 220,
      wrap: true,
      required: true,
    },
    { header: CHECK_IN.round, width: 60, kind: 'number', required: true },
    { header: CHECK_IN.sentOn, kind: 'date' },
    { header: CHECK_IN.answeredOn, kind: 'date' },
    { header: CHECK_IN.met, width: 90 },
    { header: CHECK_IN.rating, width: 90, kind: 'number' },
    { header: CHECK_IN.note, width: 280, wrap: true },
    { header: CHECK_IN.coach, width: 80 },
    {
      header: CHECK_IN.status,
      width: 110,
      required: true,
      choices: CHECK_IN_STATUSES,
    },
    { header: CHECK_IN.problems, width: 240, wrap: true },
    { header: CHECK_IN.submissions, kind: 'number' },
    { header: CHECK_IN.history, width: 240, wrap: true },
  ],
};

export const ATTENTION = {
  listedOn: 'Listed on',
  pair: 'Pair',
  person: 'Person',
  reason: 'Why',
  status: 'Status',
  notes: 'Coordinator notes',
  key: 'Key',
} as const;

/** Open: new. Done: the coordinator has dealt with it (Cohort never lists the same matter twice). */
export const ATTENTION_STATUSES = ['Open', 'Done'] as const;

/** The coordinator's needs-attention list: one row per matter, in words; it only grows. */
export const attentionTab: TabSpec = {
  name: TAB.attention,
  after: before(TAB.attention),
  columns: [
    { header: ATTENTION.listedOn, kind: 'date' },
    { header: ATTENTION.pair, width: 220, wrap: true },
    { header: ATTENTION.person, width: 160 },
    { header: ATTENTION.reason, width: 360, wrap: true },
    {
      header: ATTENTION.status,
      width: 80,
      choices: ATTENTION_STATUSES,
    },
    { header: ATTENTION.notes, width: 240, wrap: true },
    {
      header: ATTENTION.key,
      width: 160,
      required: true,
    },
  ],
};
