import type { ProgrammeEntry } from '../../../src/domain/calendar/programmeRow';

/** The scheme's launch event as a checked programme entry (and as the row's cells, which match). */
export const LAUNCH: ProgrammeEntry = {
  key: 'launch',
  title: 'Launch event',
  date: '2025-05-07',
  start: '10:00',
  end: '11:30',
  timeZone: 'Europe/London',
  audience: 'all participants',
  description: 'Speed dating',
  coach: false,
};
