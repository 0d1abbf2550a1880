import type { ProgrammeDate } from '../../src/domain/scheme';
import {
  confirmationNote,
  launchIsOver,
  launchNote,
  nationsText,
  resourcesText,
  supportSentence,
} from '../../src/domain/wording';

describe('the programme resources and support, in words', () => {
  it('gives the handbook and the video a line each, and nothing when Settings has neither', () => {
    expect(resourcesText({ handbookUrl: 'https://h.example/book', videoUrl: '' })).toBe(
      'The mentoring handbook, with templates to plan your meetings: https://h.example/book',
    );
    expect(resourcesText({ handbookUrl: 'https://h.example/book', videoUrl: 'https://v.example/v' })).toBe(
      'The mentoring handbook, with templates to plan your meetings: https://h.example/book\nA short video about mentoring: https://v.example/v',
    );
    expect(resourcesText({ handbookUrl: '', videoUrl: '' })).toBe('');
  });

  it('names the coach and the contact for when things go wrong, with their addresses when known', () => {
    const text = supportSentence({
      coachName: 'Dr Alex Morgan',
      coachEmail: 'coach@example.org',
      contactName: 'Jo Bloggs',
      contactEmail: '',
    });
    expect(text).toContain('Dr Alex Morgan, the scheme’s professional coach and supervisor');
    expect(text).toContain('(coach@example.org)');
    expect(text).toContain('you can also talk to Jo Bloggs.');
    expect(supportSentence({ coachName: '', coachEmail: '', contactName: '', contactEmail: '' })).toBe('');
  });

  it('names the coach alone for someone whose pairing has just ended', () => {
    const people = {
      coachName: 'Dr Alex Morgan',
      coachEmail: '',
      contactName: 'Jo Bloggs',
      contactEmail: '',
    };
    expect(supportSentence(people, { paired: false })).toBe(
      'Dr Alex Morgan, the scheme’s professional coach and supervisor, is there for one-to-ones.',
    );
    expect(supportSentence({ ...people, coachName: '' }, { paired: false })).toBe('');
  });
});

describe('the eligible nations, in a sentence', () => {
  it('words them as the scheme does', () => {
    expect(nationsText(['England', 'Wales', 'Northern Ireland', 'Crown Dependencies'])).toBe(
      'England, Wales, Northern Ireland and the Crown Dependencies',
    );
    expect(nationsText(['England', 'Channel Islands'])).toBe('England and the Channel Islands');
    expect(nationsText(['Wales'])).toBe('Wales');
  });
});

describe('when applicants hear whether they have a place', () => {
  const confirmation = programmeDate({
    key: 'confirmation',
    title: 'Confirmation of selected participants',
    date: '2025-04-25',
  });

  it('gives the Programme tab’s confirmation date while it is to come, and nothing after', () => {
    expect(confirmationNote([confirmation], '2025-04-10')).toBe(
      'We aim to let you know by email on Friday 25 April 2025 whether you have a place.',
    );
    expect(confirmationNote([confirmation], '2025-04-25')).toContain('Friday 25 April 2025');
    expect(confirmationNote([confirmation], '2025-04-26')).toBe('');
    expect(confirmationNote([], '2025-04-10')).toBe('');
  });
});

/** A Programme row, a whole-day online one in London unless said otherwise. */
function programmeDate(
  row: Pick<ProgrammeDate, 'key' | 'title' | 'date'> & Partial<ProgrammeDate>,
): ProgrammeDate {
  return {
    start: '',
    end: '',
    timeZone: 'Europe/London',
    audience: 'coordinator',
    description: '',
    online: true,
    ...row,
  };
}

describe('the launch event, before and after', () => {
  const launch = programmeDate({
    key: 'launch',
    title: 'Launch event and speed dating',
    date: '2025-05-07',
    start: '10:00',
    end: '11:30',
    audience: 'all participants',
  });

  it('is over once its end time has passed on its day, not only the day after', () => {
    expect(launchIsOver(launch, '2025-05-07 09:59')).toBe(false);
    expect(launchIsOver(launch, '2025-05-07 11:29')).toBe(false);
    expect(launchIsOver(launch, '2025-05-07 11:30')).toBe(true);
    expect(launchIsOver(launch, '2025-05-08')).toBe(true);
    expect(launchIsOver(launch, '2025-05-07')).toBe(false);
    expect(launchIsOver({ ...launch, end: '' }, '2025-05-07 18:00')).toBe(false);
    expect(launchIsOver({ ...launch, end: '' }, '2025-05-08 00:00')).toBe(true);
  });

  it('a place offered that afternoon says the launch has taken place', () => {
    expect(launchNote('mentee', launch, '2025-05-07 09:00')).toContain('At the launch event');
    expect(launchNote('mentee', launch, '2025-05-07 14:00')).toContain('has already taken place');
  });
});
