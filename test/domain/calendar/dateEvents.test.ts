import { coachLine, mainEvent, personEvent } from '../../../src/domain/calendar/dateEvents';
import type { ProgrammeEntry } from '../../../src/domain/calendar/programmeRow';
import { LAUNCH } from './fixtures';

const ctx = { footer: 'Part of the scheme.', coach: { name: '', email: '' } };
const withCoach = { ...ctx, coach: { name: 'Dr Alex Morgan', email: 'alex@coaching.example' } };
const training: ProgrammeEntry = { ...LAUNCH, key: 'training', title: 'Training', coach: true };
const deadline: ProgrammeEntry = {
  ...LAUNCH,
  key: 'application-deadline',
  title: 'Application deadline',
  date: '2025-04-18',
  start: '',
  end: '',
  audience: 'coordinator',
  description: 'Last day to apply.',
};
const LINK = 'https://meet.google.com/abc-defg-hij';

describe('the host event of a session', () => {
  it('asks for the date’s one Meet room and has no guests', () => {
    expect(mainEvent(LAUNCH, ctx)).toEqual({
      key: 'launch',
      person: 'host',
      summary: 'Launch event',
      description:
        'Speed dating\n\nHost event: start the Meet from here. Each guest has their own copy of this date, with this Meet link.\n\nPart of the scheme.',
      location: '',
      start: '2025-05-07T10:00:00',
      end: '2025-05-07T11:30:00',
      timeZone: 'Europe/London',
      guests: [],
      wantsRoom: true,
      free: false,
    });
  });
});

describe('a person’s own copy', () => {
  it('has them as the only guest and the room’s link as text, never its conference data', () => {
    const e = personEvent(LAUNCH, { person: 'ME-001', email: 'cat@x.org', name: 'Cat' }, LINK, ctx);
    expect(e).toMatchObject({
      key: 'launch',
      person: 'ME-001',
      guests: ['cat@x.org'],
      guestNames: { 'cat@x.org': 'Cat' },
      location: LINK,
      wantsRoom: false,
      free: false,
    });
    expect(e.description).toBe(`Speed dating\n\nJoin with Google Meet: ${LINK}\n\nPart of the scheme.`);
  });

  it('names the coach on the dates marked for them (when a name is set)', () => {
    const e = personEvent(
      training,
      { person: 'coach', email: 'alex@coaching.example', name: '' },
      LINK,
      withCoach,
    );
    expect(e.description).toContain("With Dr Alex Morgan, the scheme's professional coach.");
    expect(mainEvent(training, withCoach).description).toContain('Dr Alex Morgan');
    expect(coachLine(LAUNCH, withCoach.coach)).toBe('');
    expect(coachLine(training, { name: '', email: 'alex@coaching.example' })).toBe(
      "With the scheme's professional coach.",
    );
    expect(coachLine(training, ctx.coach)).toBe('');
  });
});

describe('the coordinator’s dates', () => {
  it('are whole-day reminders shown as free time, with no guests and no Meet room', () => {
    expect(mainEvent(deadline, withCoach)).toEqual({
      key: 'application-deadline',
      person: 'reminder',
      summary: 'Application deadline',
      description:
        'Last day to apply.\n\nA reminder in your own calendar, shown as free time: nobody else is invited.\n\nPart of the scheme.',
      location: '',
      start: '2025-04-18',
      end: '2025-04-19',
      timeZone: 'Europe/London',
      guests: [],
      wantsRoom: false,
      free: true,
    });
  });
});
