/**
 * The Settings tab: one row per setting (Key, Setting, Value, Note). A coordinator edits the values;
 * a value that cannot be used is reported in words and its default used instead. Never throws.
 * Each setting has a kind (text, an address, a date and time, a share…) that says how a cell is
 * read; a valibot schema checks it at this boundary.
 */
import * as v from 'valibot';
import { formatWallClock, isDate, localWallClock, parseIsoDate, parseWallClock } from './dates';
import type { Prose } from './prose';
import { APPLICATION_DEADLINE_2025, NATIONS, PROGRAMME_NAME } from './scheme';
import { cleanText, isValidEmail, normaliseEmail } from './text';

export type Settings = {
  programmeName: string;
  coordinatorName: string;
  coordinatorEmail: string;
  /** 'YYYY-MM-DD HH:mm', wall clock in `timeZone`. */
  applicationDeadline: string;
  eligibleNations: string[];
  mentorPlaces: number;
  menteePlaces: number;
  timeZone: string;
  calendarName: string;
  /** The scheme's professional coach: named in, and invited to, the dates marked Coach ('' when none). */
  coachName: string;
  coachEmail: string;
  dryRun: boolean;
  /** 'YYYY-MM-DD HH:mm' in `timeZone`, or null to send decisions only when the coordinator clicks. */
  decisionsSendAt: string | null;
  /** When mentees should have chosen their mentors ('YYYY-MM-DD HH:mm' in `timeZone`). */
  choicesDeadline: string;
  /** Share of a day's mail quota acknowledgements and change notices may use (0–1). */
  applicantEmailShare: number;
  /** Applicants must sign in with Google; the verified address counts, not the typed one. */
  requireSignIn: boolean;
  handbookUrl: string;
  videoUrl: string;
  /** Who to contact when things go wrong between a mentor and a mentee. */
  contactName: string;
  contactEmail: string;
  /** Weeks after the pair introductions when the first check-in goes. */
  firstCheckInWeeks: number;
  /** Weeks between later check-ins. */
  checkInEveryWeeks: number;
  /** Days after the introductions by which a pair should have met; then a nudge. */
  nudgeAfterDays: number;
  /** Weeks before the finale when each pair is asked whether it will keep meeting. */
  continuationWeeksBefore: number;
  evaluationSurveyUrl: string;
  /** The last day of the programme ('YYYY-MM-DD'): check-ins stop, Close the programme may run. */
  programmeEndDate: string;
  /** Months after the end for which personal data is kept, then erased. */
  retentionMonths: number;
};
export type SettingKey = keyof Settings;

export type SettingsOptions = {
  /**
   * How a Date from a cell reads as 'YYYY-MM-DD HH:mm'. The edge passes one built on the
   * spreadsheet's own time zone. Default: the Date's local fields (the script's zone in Apps Script).
   */
  dateToWallClock?: (date: Date) => string;
};

function asText(value: unknown): string {
  if (typeof value === 'string') return cleanText(value, 2000);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return '';
}

function asWallClock(value: unknown, options: SettingsOptions): string {
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return '';
    if (!options.dateToWallClock) return formatWallClock(localWallClock(value));
    try {
      return options.dateToWallClock(value);
    } catch {
      return '';
    }
  }
  return asText(value);
}

// A function, like every schema here: built when settings are read, not when the bundle loads.
const wallClockSchema = () =>
  v.pipe(
    v.string(),
    v.check((s) => parseWallClock(s) !== null, 'must be a date and time like 2025-04-18 23:59'),
    v.transform((s) => {
      const w = parseWallClock(s);
      return w ? formatWallClock(w) : s;
    }),
  );

/** A preprocess: the cell value made into what the schema reads, then checked. */
const from = (prepare: (value: unknown) => unknown, schema: v.GenericSchema) =>
  v.pipe(v.unknown(), v.transform(prepare), schema);

const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = {
  true: true,
  yes: true,
  '1': true,
  false: false,
  no: false,
  '0': false,
};

const nonEmpty = (error: string) => v.pipe(v.string(), v.minLength(1, error));
const asNumber = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
/** A string that is empty or passes `ok`. */
const emptyOr = (ok: (s: string) => boolean, error: string) =>
  v.pipe(
    v.string(),
    v.check((s) => s === '' || ok(s), error),
  );

/** How a setting's cell is read. */
export type SettingKind =
  | { kind: 'text'; required?: string }
  | { kind: 'email'; required?: string }
  | { kind: 'url' }
  | { kind: 'wallClock'; optional?: boolean }
  | { kind: 'date' }
  | { kind: 'nations' }
  | { kind: 'whole'; min: number; max: number; unit: string }
  | { kind: 'percent' }
  | { kind: 'timeZone' }
  | { kind: 'boolean' };

function schemaOf(kind: SettingKind, options: SettingsOptions): v.GenericSchema {
  switch (kind.kind) {
    case 'text':
      return from(asText, kind.required ? nonEmpty(kind.required) : v.string());
    case 'email': {
      const address = emptyOr(isValidEmail, 'is not a valid email address');
      return from(
        (value) => normaliseEmail(asText(value)),
        kind.required ? v.pipe(address, v.minLength(1, kind.required)) : address,
      );
    }
    case 'url':
      return from(
        asText,
        emptyOr((s) => /^https:\/\/[^\s<>"]+$/.test(s), 'must be a web address starting with https://'),
      );
    case 'wallClock':
      return kind.optional
        ? from((value) => {
            const s = asWallClock(value, options);
            return s === '' ? null : s;
          }, v.nullable(wallClockSchema()))
        : from((value) => asWallClock(value, options), wallClockSchema());
    case 'date':
      return from(
        (value) => asWallClock(value, options).slice(0, 10),
        v.pipe(
          v.string(),
          v.check((s) => parseIsoDate(s) !== null, 'must be a date like 2025-11-30'),
        ),
      );
    case 'nations':
      return from(
        (value) =>
          (Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;\r\n]/) : [value])
            .map(asText)
            .map((s) => s.trim())
            .filter((s) => s !== '')
            .map((s) => NATIONS.find((n) => n.toLowerCase() === s.toLowerCase()) ?? s),
        v.pipe(v.array(v.string()), v.minLength(1, 'is empty; list at least one nation')),
      );
    case 'whole': {
      const error = `must be a whole number of ${kind.unit} from ${kind.min} to ${kind.max}`;
      return from(
        asNumber,
        v.pipe(v.number(error), v.integer(error), v.minValue(kind.min, error), v.maxValue(kind.max, error)),
      );
    }
    case 'percent': {
      const error = 'must be a percentage from 0% to 100%, like 50%';
      // A cell formatted as a percentage reads as 0.5; typed text as "50%" or "50".
      return from(
        (value) => {
          if (typeof value === 'number') return value <= 1 ? value : value / 100;
          const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(asText(value));
          return m ? Number(m[1]) / 100 : Number.NaN;
        },
        v.pipe(v.number(error), v.minValue(0, error), v.maxValue(1, error)),
      );
    }
    case 'timeZone':
      return from(
        asText,
        v.pipe(
          v.string(),
          v.regex(/^(UTC|GMT|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/, 'must be a time zone like Europe/London'),
        ),
      );
    case 'boolean':
      return from(
        (value) => (typeof value === 'boolean' ? value : BOOLEAN_WORDS[asText(value).toLowerCase()]),
        v.boolean('must be TRUE or FALSE'),
      );
  }
}

export type SettingField = {
  key: SettingKey;
  label: string;
  defaultValue: string | number | boolean;
} & { read: SettingKind };

const COUNT = (unit: string, max: number): SettingKind => ({ kind: 'whole', min: 0, max, unit });

/** Every setting in tab order (the order of the scheme), with the words the coordinator sees. */
export const SETTING_FIELDS: readonly SettingField[] = [
  {
    key: 'programmeName',
    label: 'Programme name',
    defaultValue: PROGRAMME_NAME,
    read: { kind: 'text', required: 'is empty' },
  },
  {
    key: 'coordinatorName',
    label: 'Coordinator name',
    defaultValue: '',
    read: { kind: 'text', required: 'is empty; fill it in so emails can be signed' },
  },
  {
    key: 'coordinatorEmail',
    label: 'Coordinator email',
    defaultValue: '',
    read: { kind: 'email', required: 'is empty; fill it in so replies reach you' },
  },
  {
    key: 'applicationDeadline',
    label: 'Application deadline',
    defaultValue: APPLICATION_DEADLINE_2025,
    read: { kind: 'wallClock' },
  },
  {
    key: 'eligibleNations',
    label: 'Eligible nations',
    defaultValue: NATIONS.join(', '),
    read: { kind: 'nations' },
  },
  {
    key: 'mentorPlaces',
    label: 'Mentor places',
    defaultValue: 20,
    read: COUNT('places', 10_000),
  },
  {
    key: 'menteePlaces',
    label: 'Mentee places',
    defaultValue: 20,
    read: COUNT('places', 10_000),
  },
  {
    key: 'timeZone',
    label: 'Time zone',
    defaultValue: 'Europe/London',
    read: { kind: 'timeZone' },
  },
  {
    key: 'calendarName',
    label: 'Calendar name',
    defaultValue: 'Peer Mentoring Scheme 2025',
    read: { kind: 'text', required: 'is empty' },
  },
  {
    key: 'coachName',
    label: 'Coach name',
    defaultValue: '',
    read: { kind: 'text' },
  },
  {
    key: 'coachEmail',
    label: 'Coach email',
    defaultValue: '',
    read: { kind: 'email' },
  },
  {
    key: 'dryRun',
    label: 'Practice mode',
    defaultValue: false,
    read: { kind: 'boolean' },
  },
  {
    key: 'decisionsSendAt',
    label: 'Send decisions at',
    defaultValue: '',
    read: { kind: 'wallClock', optional: true },
  },
  {
    key: 'choicesDeadline',
    label: 'Choose mentors by',
    defaultValue: '2025-05-12 23:59',
    read: { kind: 'wallClock' },
  },
  {
    key: 'applicantEmailShare',
    label: 'Share of daily emails for acknowledgements',
    defaultValue: '50%',
    read: { kind: 'percent' },
  },
  {
    key: 'requireSignIn',
    label: 'Applicants must sign in with Google',
    defaultValue: false,
    read: { kind: 'boolean' },
  },
  {
    key: 'handbookUrl',
    label: 'Mentoring handbook link',
    defaultValue: '',
    read: { kind: 'url' },
  },
  {
    key: 'videoUrl',
    label: 'Mentoring video link',
    defaultValue: '',
    read: { kind: 'url' },
  },
  {
    key: 'contactName',
    label: 'Contact when things go wrong',
    defaultValue: '',
    read: { kind: 'text' },
  },
  {
    key: 'contactEmail',
    label: 'Contact email',
    defaultValue: '',
    read: { kind: 'email' },
  },
  {
    key: 'firstCheckInWeeks',
    label: 'First check-in after (weeks)',
    defaultValue: 4,
    read: { kind: 'whole', min: 1, max: 26, unit: 'weeks' },
  },
  {
    key: 'checkInEveryWeeks',
    label: 'Then check in every (weeks)',
    defaultValue: 4,
    read: { kind: 'whole', min: 1, max: 26, unit: 'weeks' },
  },
  {
    key: 'nudgeAfterDays',
    label: 'Nudge a pair that has not met after (days)',
    // The first check-in (4 weeks) and a week to answer it: a nudge never comes before a pair was asked.
    defaultValue: 35,
    read: { kind: 'whole', min: 1, max: 180, unit: 'days' },
  },
  {
    key: 'continuationWeeksBefore',
    label: 'Ask pairs about continuing (weeks before the finale)',
    defaultValue: 4,
    read: { kind: 'whole', min: 1, max: 12, unit: 'weeks' },
  },
  {
    key: 'evaluationSurveyUrl',
    label: 'Evaluation survey link',
    defaultValue: '',
    read: { kind: 'url' },
  },
  {
    key: 'programmeEndDate',
    label: 'Programme ends',
    defaultValue: '2025-11-30',
    read: { kind: 'date' },
  },
  {
    key: 'retentionMonths',
    label: 'Keep personal data for (months)',
    defaultValue: 12,
    read: { kind: 'whole', min: 0, max: 120, unit: 'months' },
  },
];

export const SETTINGS_COLUMNS = ['Key', 'Setting', 'Value', 'Note'] as const;
export type SettingsRow = { key: SettingKey; label: string; value: string | number | boolean; note: string };

/** The rows set-up writes to a new Settings tab: each setting's note is prose (prose/settings.ts). */
export function settingsRows(prose: Prose): SettingsRow[] {
  return SETTING_FIELDS.map((f) => ({
    key: f.key,
    label: f.label,
    value: f.defaultValue,
    note: prose.settingNotes[f.key],
  }));
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The values by the setting they name (key or label, case and spaces ignored; the first name that gives
 * a setting wins), and the names that give none. Each name is folded once.
 */
function valuesBySetting(values: Record<string, unknown>): {
  bySetting: Map<SettingKey, unknown>;
  unknown: string[];
} {
  const settingOf = settingNames();
  const bySetting = new Map<SettingKey, unknown>();
  const unknown: string[] = [];
  for (const name of Object.keys(values)) {
    const key = settingOf.get(fold(name));
    if (key === undefined) {
      if (name.trim() !== '') unknown.push(name);
    } else if (!bySetting.has(key)) bySetting.set(key, values[name]);
  }
  return { bySetting, unknown };
}

let settingByName: Map<string, SettingKey> | undefined;

/** Each setting's key and label, folded, to its key: made once, on first use (not at the bundle's top level). */
function settingNames(): Map<string, SettingKey> {
  if (!settingByName) {
    settingByName = new Map();
    for (const f of SETTING_FIELDS) {
      settingByName.set(fold(f.key), f.key);
      settingByName.set(fold(f.label), f.key);
    }
  }
  return settingByName;
}

function shown(value: unknown): string {
  if (isDate(value)) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
  return `"${asText(value).slice(0, 60)}"`;
}

/**
 * Reads settings from { key or label: cell value }. Bad or missing values fall back to their
 * defaults, each with a problem in words: "Mentor places must be a whole number of places from 0 to
 * 10000 (found "ten"); using 20."
 */
export function parseSettings(
  valuesIn: Record<string, unknown>,
  options: SettingsOptions = {},
): { settings: Settings; problems: string[] } {
  const values = typeof valuesIn === 'object' && valuesIn !== null ? valuesIn : {};
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  const { bySetting, unknown } = valuesBySetting(values);
  for (const field of SETTING_FIELDS) {
    const found = bySetting.has(field.key);
    const value = bySetting.get(field.key);
    const schema = schemaOf(field.read, options);
    const result = v.safeParse(schema, found ? value : field.defaultValue);
    if (result.success) {
      out[field.key] = result.output;
      continue;
    }
    const why = result.issues[0]?.message ?? 'cannot be used';
    const fallback = v.safeParse(schema, field.defaultValue);
    out[field.key] = fallback.success ? fallback.output : field.defaultValue;
    const usingDefault = field.defaultValue === '' ? '' : `; using ${field.defaultValue}`;
    const foundText = found && asText(value) !== '' ? ` (found ${shown(value)})` : '';
    problems.push(`${field.label} ${why}${foundText}${usingDefault}.`);
  }
  for (const name of unknown) problems.push(`Unknown setting: ${name.slice(0, 60)}.`);
  return { settings: out as Settings, problems };
}

/**
 * The settings from the tab's values (getValues()), read by header name: a `Key` column (or failing
 * that a `Setting` column) and a `Value` column.
 */
export function parseSettingsRows(rows: readonly unknown[][], options: SettingsOptions = {}) {
  const header = (rows[0] ?? []).map((h) => (typeof h === 'string' ? fold(h) : ''));
  const keyCol = header.indexOf('key') >= 0 ? header.indexOf('key') : header.indexOf('setting');
  const valueCol = header.indexOf('value');
  if (keyCol < 0 || valueCol < 0) {
    const parsed = parseSettings({}, options);
    return {
      ...parsed,
      problems: ['The Settings tab needs a Key column and a Value column.', ...parsed.problems],
    };
  }
  const values: Record<string, unknown> = {};
  for (const row of rows.slice(1)) {
    const name = row[keyCol];
    if (typeof name === 'string' && name.trim() !== '') values[name.trim()] = row[valueCol];
  }
  return parseSettings(values, options);
}
