import { initWorkspace } from '../../src/cli/commands/init';
import { typeCell } from '../../src/cli/edit';
import { parseTime, programmeTimeZone, wallTime } from '../../src/cli/time';
import { cohort, initialised, savedState } from './support';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('clock times, read in the programme time zone', () => {
  it.each([
    ['25 April 2025 09:00', 'Europe/London', '2025-04-25T08:00:00.000Z'],
    ['Fri 25 Apr 2025, 9:00', 'Europe/London', '2025-04-25T08:00:00.000Z'],
    ['25th April 2025 at 09:00:30', 'Europe/London', '2025-04-25T08:00:30.000Z'],
    ['25 April 2025', 'Europe/London', '2025-04-24T23:00:00.000Z'],
    ['10 January 2025 09:00', 'Europe/London', '2025-01-10T09:00:00.000Z'],
    ['2025-04-25 09:00', 'Europe/London', '2025-04-25T08:00:00.000Z'],
    ['2025-04-25T09:00', 'Europe/London', '2025-04-25T08:00:00.000Z'],
    ['2025-04-25T09:00:00', 'Europe/London', '2025-04-25T08:00:00.000Z'],
    ['2025-04-25', 'Europe/London', '2025-04-24T23:00:00.000Z'],
    ['2025-04-25 09:00', 'America/New_York', '2025-04-25T13:00:00.000Z'],
    ['2025-10-26 01:30', 'Europe/London', '2025-10-26T00:30:00.000Z'],
    // An explicit Z or offset names the instant itself, whatever the programme's zone.
    ['2025-04-25T08:00Z', 'America/New_York', '2025-04-25T08:00:00.000Z'],
    ['2025-04-25T09:00:00+01:00', 'Europe/London', '2025-04-25T08:00:00.000Z'],
    ['2025-04-25 09:00 -0400', 'Europe/London', '2025-04-25T13:00:00.000Z'],
  ])('%s in %s is %s', (text, zone, expected) => {
    expect(iso(parseTime(text, zone))).toBe(expected);
  });

  it.each(['soon', '25 Aprl 2025', '2025-02-30 09:00', '2025-04-25 24:00', '31 June 2025', '2025-4-25', ''])(
    '"%s" is not a time',
    (text) => {
      expect(parseTime(text, 'Europe/London')).toBeNull();
    },
  );

  it("reads the zone from the Settings tab's timeZone", () => {
    const emulator = initWorkspace();
    expect(programmeTimeZone(emulator)).toBe('Europe/London');
    typeCell(emulator, 'Settings', 'timeZone', 'Value', 'Asia/Tokyo');
    expect(programmeTimeZone(emulator)).toBe('Asia/Tokyo');
    typeCell(emulator, 'Settings', 'timeZone', 'Value', '');
    expect(programmeTimeZone(emulator)).toBe('Europe/London');
    typeCell(emulator, 'Settings', 'timeZone', 'Value', 'Mars/Olympus');
    expect(() => programmeTimeZone(emulator)).toThrow(
      `The Settings tab's timeZone "Mars/Olympus" is not a time zone: use e.g. Europe/London.`,
    );
  });

  it('prints a time as the wall clock shows it, with the zone', () => {
    expect(wallTime(Date.UTC(2025, 3, 25, 8), 'Europe/London')).toBe('2025-04-25 09:00 Europe/London');
    expect(wallTime(Date.UTC(2025, 3, 25, 8, 0, 5), 'UTC')).toBe('2025-04-25 08:00:05 UTC');
  });
});

describe('cohort clock', () => {
  const ws = initialised('clock');

  it('with no option prints what it can do, with examples, and exits 2', () => {
    const run = cohort('clock', ws);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Say how far to move the clock: --advance or --to/);
    expect(run.stderr).toContain('Usage: cohort clock [options] <dir>');
    expect(run.stderr).toContain('cohort clock ws --to "25 April 2025 09:00"');
    expect(cohort('clock', ws, '--advance', '1d', '--to', '2025-04-25').status).toBe(2);
  });

  it("--to is wall-clock time in the programme's zone (Settings), and the clock never goes back", () => {
    expect(cohort('set', ws, 'Settings', 'timeZone', 'Value', 'America/New_York').status).toBe(0);
    const to = cohort('clock', ws, '--to', '25 April 2025 09:00');
    expect(to.stdout).toContain('Clock now 2025-04-25 09:00 America/New_York (2025-04-25T13:00:00.000Z)');
    expect(savedState(ws).clock).toBe('2025-04-25T13:00:00.000Z');
    const back = cohort('clock', ws, '--to', '2025-04-25 08:59');
    expect(back.status).toBe(2);
    expect(back.stderr).toBe(
      'The clock only moves forward: it is already 2025-04-25 09:00 America/New_York, after 2025-04-25 08:59 America/New_York. Nothing was changed.\n',
    );
    expect(savedState(ws).clock).toBe('2025-04-25T13:00:00.000Z');
    const bad = cohort('clock', ws, '--to', 'next Friday');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^"next Friday" is not a time: use e.g. "25 April 2025 09:00"/);
  });
});
