/**
 * The scheme's dates, as Set up programme first lists them in the Programme tab (the 2025 scheme:
 * its application deadline, launch, training, drop-ins and finale). The coordinator keeps them
 * there; the next cohort moves them a year on.
 */
import type { Audience, ProgrammeDate } from '../scheme';

const LONDON = 'Europe/London';

function milestone(key: string, title: string, date: string, audience: Audience, description: string) {
  return { key, title, date, start: '', end: '', timeZone: LONDON, audience, description, online: true };
}

function session(
  key: string,
  title: string,
  date: string,
  time: [string, string],
  audience: Audience,
  description: string,
  coach = false,
) {
  return {
    key,
    title,
    date,
    start: time[0],
    end: time[1],
    timeZone: LONDON,
    audience,
    description,
    online: true,
    coach,
  };
}

const DROP_IN =
  'An online drop-in for mentors: bring questions, share what is working and get support from the ' +
  'professional coach and your fellow mentors.';

export const PROGRAMME_2025: readonly ProgrammeDate[] = [
  milestone(
    'application-deadline',
    'Application deadline',
    '2025-04-18',
    'coordinator',
    'Last day to apply as a mentor or a mentee.',
  ),
  milestone(
    'confirmation',
    'Confirmation of selected participants',
    '2025-04-25',
    'coordinator',
    'Everyone who applied hears by email whether they have a place.',
  ),
  session(
    'launch',
    'Launch event and speed dating',
    '2025-05-07',
    ['10:00', '11:30'],
    'all participants',
    'Mentors speak for two minutes each about their experience. Afterwards mentees choose three mentors they would like to work with.',
  ),
  milestone(
    'pairs-announced',
    'Announcement of mentor and mentee pairs',
    '2025-05-20',
    'coordinator',
    'Every mentor and mentee hears by email who they are paired with.',
  ),
  session(
    'training',
    'Mentor and mentee training',
    '2025-05-21',
    ['10:00', '11:30'],
    'all participants',
    'Online briefing and training for mentors and mentees: the framework of the programme and how to make the most of your mentoring.',
    true,
  ),
  session(
    'drop-in-1',
    'Drop-in support session for mentors',
    '2025-07-08',
    ['12:30', '13:30'],
    'mentors',
    DROP_IN,
    true,
  ),
  session(
    'drop-in-2',
    'Drop-in support session for mentors',
    '2025-09-12',
    ['12:30', '13:30'],
    'mentors',
    DROP_IN,
    true,
  ),
  session(
    'drop-in-3',
    'Drop-in support session for mentors',
    '2025-10-21',
    ['12:30', '13:30'],
    'mentors',
    DROP_IN,
    true,
  ),
  session(
    'finale',
    'Finale event',
    '2025-11-25',
    ['10:00', '11:30'],
    'all participants',
    'The close of the programme. If you would like to keep meeting afterwards, agree it with your mentor or mentee before this date.',
    true,
  ),
];
