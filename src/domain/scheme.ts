/**
 * The Libraries Connected Peer Mentoring Scheme 2025 as data
 * (described in docs/scheme.md). Change this file, not the code, for a new year.
 */

export { ROLES, type Role } from './status';

export const PROGRAMME_NAME = 'Libraries Connected Peer Mentoring Scheme 2025';

/** The practical help the scheme offers ("capital projects, restructures, … technical knowledge etc."). */
export const AREAS = [
  'Capital projects',
  'Restructures',
  'Service transformation',
  'Working with councillors',
  'Budgeting',
  'Technical knowledge',
  'Other',
] as const;
export type Area = (typeof AREAS)[number];

/** Where members are: the scheme is open to these four only. */
export const NATIONS = ['England', 'Wales', 'Northern Ireland', 'Crown Dependencies'] as const;
export type Nation = (typeof NATIONS)[number];

/**
 * Libraries Connected's members are in the four nations above; Scotland is not part of the scheme.
 * The form still offers an "outside these nations" answer so such applications are recorded and
 * flagged, not silently blocked.
 */
export const NATION_OUTSIDE = 'Other / outside these nations';
export const NOT_ELIGIBLE_NOTE =
  'The scheme is open to members in England, Wales, Northern Ireland and the Crown Dependencies. ' +
  'Library services in Scotland are not eligible.';

export const HEAD_OF_SERVICE = 'Head of Service';
export const EMERGING_LEADER_NEXT_ROLE =
  'Emerging leader considering a Head of Service role within the next 12 months';
export const EMERGING_LEADER_MAJOR_CHANGE =
  'Emerging leader with current responsibility for a major project or large-scale change ' +
  '(restructure, capital project, service transformation)';

/** "Open to Heads of Service and Emerging Leaders who …": the three ways to be eligible. */
export const CURRENT_ROLES = [
  HEAD_OF_SERVICE,
  EMERGING_LEADER_NEXT_ROLE,
  EMERGING_LEADER_MAJOR_CHANGE,
] as const;
export type CurrentRole = (typeof CURRENT_ROLES)[number];

export function isEmergingLeader(currentRole: string): boolean {
  return currentRole === EMERGING_LEADER_NEXT_ROLE || currentRole === EMERGING_LEADER_MAJOR_CHANGE;
}

/** Who a programme date concerns: it decides the calendar guests and which dates an email lists. */
export const AUDIENCES = ['all participants', 'mentors', 'mentees', 'coordinator'] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * One date of the programme, as wall-clock time in `timeZone`. `start`/`end` are '' for a whole-day
 * milestone (a deadline, an announcement). Converting to an instant is the edge's job.
 */
export type ProgrammeDate = {
  readonly key: string;
  readonly title: string;
  /** YYYY-MM-DD */
  readonly date: string;
  /** HH:mm, or '' for a whole-day milestone */
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  readonly audience: Audience;
  readonly description: string;
  readonly online: boolean;
  /** True when the scheme's professional coach (Settings) joins this date as a guest. */
  readonly coach?: boolean;
};

/** The application deadline as wall-clock text in Europe/London: the end of 18 April 2025. */
export const APPLICATION_DEADLINE_2025 = '2025-04-18 23:59';
