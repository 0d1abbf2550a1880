import fc from 'fast-check';
import { PROSE } from '../../src/domain/prose';
import { parseSettings, parseSettingsRows, SETTINGS_COLUMNS, settingsRows } from '../../src/domain/settings';

const filled = { coordinatorName: 'Becky Scott', coordinatorEmail: 'Becky@LibrariesConnected.org.uk' };

describe('settingsRows', () => {
  it('gives a labelled, noted default row for every setting', () => {
    const rows = settingsRows(PROSE);
    expect(rows.map((r) => r.key)).toEqual([
      'programmeName',
      'coordinatorName',
      'coordinatorEmail',
      'applicationDeadline',
      'eligibleNations',
      'mentorPlaces',
      'menteePlaces',
      'timeZone',
      'calendarName',
      'coachName',
      'coachEmail',
      'dryRun',
      'decisionsSendAt',
      'choicesDeadline',
      'applicantEmailShare',
      'requireSignIn',
      'handbookUrl',
      'videoUrl',
      'contactName',
      'contactEmail',
      'firstCheckInWeeks',
      'checkInEveryWeeks',
      'nudgeAfterDays',
      'continuationWeeksBefore',
      'evaluationSurveyUrl',
      'programmeEndDate',
      'retentionMonths',
    ]);
    for (const r of rows) {
      expect(r.label).not.toBe('');
      expect(r.note).not.toBe('');
    }
    expect(rows.find((r) => r.key === 'applicationDeadline')?.value).toBe('2025-04-18 23:59');
    expect(SETTINGS_COLUMNS).toEqual(['Key', 'Setting', 'Value', 'Note']);
  });
});

describe('parseSettings', () => {
  it('reads the defaults plus the coordinator, with no problems', () => {
    const { settings, problems } = parseSettings(filled);
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      programmeName: 'Libraries Connected Peer Mentoring Scheme 2025',
      coordinatorName: 'Becky Scott',
      coordinatorEmail: 'becky@librariesconnected.org.uk',
      applicationDeadline: '2025-04-18 23:59',
      eligibleNations: ['England', 'Wales', 'Northern Ireland', 'Crown Dependencies'],
      mentorPlaces: 20,
      menteePlaces: 20,
      timeZone: 'Europe/London',
      calendarName: 'Peer Mentoring Scheme 2025',
      coachName: '',
      coachEmail: '',
      dryRun: false,
      decisionsSendAt: null,
      choicesDeadline: '2025-05-12 23:59',
      applicantEmailShare: 0.5,
      requireSignIn: false,
      handbookUrl: '',
      videoUrl: '',
      contactName: '',
      contactEmail: '',
      firstCheckInWeeks: 4,
      checkInEveryWeeks: 4,
      nudgeAfterDays: 35,
      continuationWeeksBefore: 4,
      evaluationSurveyUrl: '',
      programmeEndDate: '2025-11-30',
      retentionMonths: 12,
    });
  });

  it('says the coordinator fields must be filled in', () => {
    expect(parseSettings({}).problems).toEqual([
      'Coordinator name is empty; fill it in so emails can be signed.',
      'Coordinator email is empty; fill it in so replies reach you.',
    ]);
  });

  it('coerces what a sheet gives: numbers, booleans, words, labels as keys', () => {
    const { settings, problems } = parseSettings({
      ...filled,
      'Mentor places': 12,
      menteePlaces: ' 15 ',
      'PRACTICE MODE': 'yes',
      eligibleNations: 'wales; england\nScotland',
      decisionsSendAt: '2025-04-25T09:00',
    });
    expect(problems).toEqual([]);
    expect(settings.mentorPlaces).toBe(12);
    expect(settings.menteePlaces).toBe(15);
    expect(settings.dryRun).toBe(true);
    expect(settings.eligibleNations).toEqual(['Wales', 'England', 'Scotland']);
    expect(settings.decisionsSendAt).toBe('2025-04-25 09:00');
  });

  it('reads a Date cell as wall-clock text, through the edge formatter when given', () => {
    const date = new Date(Date.UTC(2025, 3, 18, 22, 59));
    const viaEdge = parseSettings(
      { ...filled, applicationDeadline: date },
      { dateToWallClock: () => '2025-04-18 23:59' },
    );
    expect(viaEdge.settings.applicationDeadline).toBe('2025-04-18 23:59');
    const local = new Date(2025, 3, 18, 23, 59);
    expect(parseSettings({ ...filled, applicationDeadline: local }).settings.applicationDeadline).toBe(
      '2025-04-18 23:59',
    );
  });

  it.each([
    [
      { mentorPlaces: 'ten' },
      'Mentor places must be a whole number of places from 0 to 10000 (found "ten"); using 20.',
      'mentorPlaces',
      20,
    ],
    [
      { menteePlaces: -1 },
      'Mentee places must be a whole number of places from 0 to 10000 (found "-1"); using 20.',
      'menteePlaces',
      20,
    ],
    [
      { dryRun: 'maybe' },
      'Practice mode must be TRUE or FALSE (found "maybe"); using false.',
      'dryRun',
      false,
    ],
    [
      { applicationDeadline: '18/04/2025' },
      'Application deadline must be a date and time like 2025-04-18 23:59 (found "18/04/2025"); using 2025-04-18 23:59.',
      'applicationDeadline',
      '2025-04-18 23:59',
    ],
    [
      { coordinatorEmail: 'becky at lc' },
      'Coordinator email is not a valid email address (found "becky at lc").',
      'coordinatorEmail',
      '',
    ],
    [
      { timeZone: 'London' },
      'Time zone must be a time zone like Europe/London (found "London"); using Europe/London.',
      'timeZone',
      'Europe/London',
    ],
    [
      { eligibleNations: ' , ' },
      'Eligible nations is empty; list at least one nation (found ","); using England, Wales, Northern Ireland, Crown Dependencies.',
      'eligibleNations',
      ['England', 'Wales', 'Northern Ireland', 'Crown Dependencies'],
    ],
    [
      { decisionsSendAt: 'Friday' },
      'Send decisions at must be a date and time like 2025-04-18 23:59 (found "Friday").',
      'decisionsSendAt',
      null,
    ],
    [
      { colour: 'blue' },
      'Unknown setting: colour.',
      'programmeName',
      'Libraries Connected Peer Mentoring Scheme 2025',
    ],
  ])('%j', (values, problem, key, fallback) => {
    const { settings, problems } = parseSettings({ ...filled, ...values });
    expect(problems).toEqual([problem]);
    expect(settings[key as keyof typeof settings]).toEqual(fallback);
  });

  it('never throws, whatever the values', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), fc.anything(), (values, junk) => {
        const a = parseSettings(values);
        const b = parseSettings(junk as Record<string, unknown>);
        for (const r of [a, b]) {
          expect(typeof r.settings.mentorPlaces).toBe('number');
          expect(Array.isArray(r.settings.eligibleNations)).toBe(true);
        }
      }),
    );
  });
});

describe('parseSettingsRows', () => {
  it('reads the tab by header name, in any column order', () => {
    const rows = [
      ['Note', 'Value', 'Setting', 'Key'],
      ['', 'Becky Scott', 'Coordinator name', 'coordinatorName'],
      ['', 'becky@lc.org.uk', 'Coordinator email', 'coordinatorEmail'],
      ['', 5, 'Mentor places', 'mentorPlaces'],
      ['', '', '', ''],
    ];
    const { settings, problems } = parseSettingsRows(rows);
    expect(problems).toEqual([]);
    expect(settings.mentorPlaces).toBe(5);
  });

  it('says when the columns are missing', () => {
    expect(parseSettingsRows([['A', 'B']]).problems[0]).toBe(
      'The Settings tab needs a Key column and a Value column.',
    );
  });
});

describe('the settings the later scheme needs', () => {
  it('reads shares, links, weeks and dates as a coordinator types them', () => {
    const { settings, problems } = parseSettings({
      ...filled,
      applicantEmailShare: '30%',
      handbookUrl: 'https://example.org/handbook',
      coachEmail: 'Penny@Example.org',
      firstCheckInWeeks: '6',
      programmeEndDate: '2025-12-05',
    });
    expect(problems).toEqual([]);
    expect(settings.applicantEmailShare).toBeCloseTo(0.3);
    expect(settings.handbookUrl).toBe('https://example.org/handbook');
    expect(settings.coachEmail).toBe('penny@example.org');
    expect(settings.firstCheckInWeeks).toBe(6);
    expect(settings.programmeEndDate).toBe('2025-12-05');
    // A cell formatted as a percentage gives 0.25.
    expect(parseSettings({ ...filled, applicantEmailShare: 0.25 }).settings.applicantEmailShare).toBe(0.25);
  });

  it.each([
    [
      { applicantEmailShare: '150%' },
      'Share of daily emails for acknowledgements must be a percentage from 0% to 100%, like 50% (found "150%"); using 50%.',
    ],
    [
      { handbookUrl: 'javascript:alert(1)' },
      'Mentoring handbook link must be a web address starting with https:// (found "javascript:alert(1)").',
    ],
    [{ coachEmail: 'not an address' }, 'Coach email is not a valid email address (found "not an address").'],
    [
      { nudgeAfterDays: 0 },
      'Nudge a pair that has not met after (days) must be a whole number of days from 1 to 180 (found "0"); using 35.',
    ],
  ])('%p is refused in words', (values, problem) => {
    expect(parseSettings({ ...filled, ...values }).problems).toEqual([problem]);
  });
});
