/**
 * The Settings tab: one row per setting (Key, Setting, Value, Note). A coordinator edits the values;
 * a value that cannot be used is reported in words and its default used instead. Never throws.
 */
import * as z from 'zod/mini';
import { formatWallClock, localWallClock, parseWallClock } from './dates';
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
};
export type SettingKey = keyof Settings;

export type SettingsOptions = {
  /**
   * How a Date from a cell reads as 'YYYY-MM-DD HH:mm'. The edge passes one built on
   * Utilities.formatDate(d, timeZone, 'yyyy-MM-dd HH:mm'). Default: the Date's local fields, which in
   * Apps Script are in the script's time zone.
   */
  dateToWallClock?: (date: Date) => string;
};

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

function asText(v: unknown): string {
  if (typeof v === 'string') return cleanText(v, 2000);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return '';
}

function asWallClock(v: unknown, options: SettingsOptions): string {
  if (isDate(v)) {
    if (Number.isNaN(v.getTime())) return '';
    if (!options.dateToWallClock) return formatWallClock(localWallClock(v));
    try {
      return options.dateToWallClock(v);
    } catch {
      return '';
    }
  }
  return asText(v);
}

const wallClockSchema = z.pipe(
  z
    .string()
    .check(
      z.refine((s) => parseWallClock(s) !== null, { error: 'must be a date and time like 2025-04-18 23:59' }),
    ),
  z.transform((s: string) => {
    const w = parseWallClock(s);
    return w ? formatWallClock(w) : s;
  }),
);

/** zod/mini's preprocess: the cell value made into what the schema reads, then checked. */
const from = <T extends z.ZodMiniType>(prepare: (v: unknown) => unknown, schema: T) =>
  z.pipe(z.transform(prepare), schema);

const places = from(
  (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : v),
  z
    .int({ error: 'must be a whole number, 0 or more' })
    .check(z.gte(0, { error: 'must be a whole number, 0 or more' })),
);

const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = {
  true: true,
  yes: true,
  '1': true,
  false: false,
  no: false,
  '0': false,
};

const nonEmpty = (error: string) => z.string().check(z.minLength(1, { error }));

function schemas(options: SettingsOptions) {
  return {
    programmeName: from(asText, nonEmpty('is empty')),
    coordinatorName: from(asText, nonEmpty('is empty; fill it in so emails can be signed')),
    coordinatorEmail: from(
      (v) => normaliseEmail(asText(v)),
      nonEmpty('is empty; fill it in so replies reach you').check(
        z.refine(isValidEmail, { error: 'is not a valid email address' }),
      ),
    ),
    applicationDeadline: from((v) => asWallClock(v, options), wallClockSchema),
    eligibleNations: from(
      (v) =>
        (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,;\r\n]/) : [v])
          .map(asText)
          .map((s) => s.trim())
          .filter((s) => s !== '')
          .map((s) => NATIONS.find((n) => n.toLowerCase() === s.toLowerCase()) ?? s),
      z.array(z.string()).check(z.minLength(1, { error: 'is empty; list at least one nation' })),
    ),
    mentorPlaces: places,
    menteePlaces: places,
    timeZone: from(
      asText,
      z.string().check(
        z.regex(/^(UTC|GMT|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/, {
          error: 'must be a time zone like Europe/London',
        }),
      ),
    ),
    calendarName: from(asText, nonEmpty('is empty')),
    coachName: from(asText, z.string()),
    coachEmail: from(
      (v) => normaliseEmail(asText(v)),
      z
        .string()
        .check(z.refine((s) => s === '' || isValidEmail(s), { error: 'is not a valid email address' })),
    ),
    dryRun: from(
      (v) => (typeof v === 'boolean' ? v : BOOLEAN_WORDS[asText(v).toLowerCase()]),
      z.boolean({ error: 'must be TRUE or FALSE' }),
    ),
    decisionsSendAt: from((v) => {
      const s = asWallClock(v, options);
      return s === '' ? null : s;
    }, z.nullable(wallClockSchema)),
  } satisfies Record<SettingKey, z.ZodMiniType>;
}

export type SettingField = {
  key: SettingKey;
  label: string;
  note: string;
  defaultValue: string | number | boolean;
};

/** Every setting in tab order, with the words the coordinator sees. */
export const SETTING_FIELDS: readonly SettingField[] = [
  {
    key: 'programmeName',
    label: 'Programme name',
    note: 'Used in emails, forms and calendar events.',
    defaultValue: PROGRAMME_NAME,
  },
  {
    key: 'coordinatorName',
    label: 'Coordinator name',
    note: 'Emails are signed with this name.',
    defaultValue: '',
  },
  {
    key: 'coordinatorEmail',
    label: 'Coordinator email',
    note: 'Replies to any email go to this address.',
    defaultValue: '',
  },
  {
    key: 'applicationDeadline',
    label: 'Application deadline',
    note: 'Date and time (UK time) like 2025-04-18 23:59. Later applications are kept but flagged.',
    defaultValue: APPLICATION_DEADLINE_2025,
  },
  {
    key: 'eligibleNations',
    label: 'Eligible nations',
    note: 'Separated by commas. Applications from elsewhere are kept but flagged.',
    defaultValue: NATIONS.join(', '),
  },
  {
    key: 'mentorPlaces',
    label: 'Mentor places',
    note: 'How many mentors can be selected.',
    defaultValue: 20,
  },
  {
    key: 'menteePlaces',
    label: 'Mentee places',
    note: 'How many mentees can be selected.',
    defaultValue: 20,
  },
  {
    key: 'timeZone',
    label: 'Time zone',
    note: 'The time zone of all programme dates.',
    defaultValue: 'Europe/London',
  },
  {
    key: 'calendarName',
    label: 'Calendar name',
    note: 'The Google Calendar that holds the programme events.',
    defaultValue: 'Peer Mentoring Scheme 2025',
  },
  {
    key: 'coachName',
    label: 'Coach name',
    note: 'Optional. The professional coach, named in the events of the dates marked Coach in Programme.',
    defaultValue: '',
  },
  {
    key: 'coachEmail',
    label: 'Coach email',
    note: 'Optional. The coach gets their own invitation to each date marked Coach in Programme.',
    defaultValue: '',
  },
  {
    key: 'dryRun',
    label: 'Practice mode',
    note: 'TRUE: emails and invitations are written to the Outbox tab but not sent.',
    defaultValue: false,
  },
  {
    key: 'decisionsSendAt',
    label: 'Send decisions at',
    note: 'Optional. Date and time like 2025-04-25 09:00 to send decisions automatically; leave empty to send from the menu.',
    defaultValue: '',
  },
];

export const SETTINGS_COLUMNS = ['Key', 'Setting', 'Value', 'Note'] as const;
export type SettingsRow = { key: SettingKey; label: string; value: string | number | boolean; note: string };

/** The rows set-up writes to a new Settings tab. */
export function settingsRows(): SettingsRow[] {
  return SETTING_FIELDS.map((f) => ({ key: f.key, label: f.label, value: f.defaultValue, note: f.note }));
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

function findValue(values: Record<string, unknown>, field: SettingField): { found: boolean; value: unknown } {
  for (const name of Object.keys(values)) {
    if (fold(name) === fold(field.key) || fold(name) === fold(field.label))
      return { found: true, value: values[name] };
  }
  return { found: false, value: undefined };
}

function shown(v: unknown): string {
  if (isDate(v)) return Number.isNaN(v.getTime()) ? 'an invalid date' : v.toISOString();
  return `"${asText(v).slice(0, 60)}"`;
}

/**
 * Reads settings from { key or label: cell value }. Bad or missing values fall back to their
 * defaults, each with a problem in words: "Mentor places must be a whole number, 0 or more (found
 * "ten"); using 20."
 */
export function parseSettings(
  valuesIn: Record<string, unknown>,
  options: SettingsOptions = {},
): { settings: Settings; problems: string[] } {
  const values = typeof valuesIn === 'object' && valuesIn !== null ? valuesIn : {};
  const fieldSchemas: Record<SettingKey, z.ZodMiniType> = schemas(options);
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const field of SETTING_FIELDS) {
    const { found, value } = findValue(values, field);
    const schema = fieldSchemas[field.key];
    const result = schema.safeParse(found ? value : field.defaultValue);
    if (result.success) {
      out[field.key] = result.data;
      continue;
    }
    const why = result.error.issues[0]?.message ?? 'cannot be used';
    const fallback = schema.safeParse(field.defaultValue);
    out[field.key] = fallback.success ? fallback.data : field.defaultValue;
    const usingDefault = field.defaultValue === '' ? '' : `; using ${field.defaultValue}`;
    const foundText = found && asText(value) !== '' ? ` (found ${shown(value)})` : '';
    problems.push(`${field.label} ${why}${foundText}${usingDefault}.`);
  }
  const known = new Set(SETTING_FIELDS.flatMap((f) => [fold(f.key), fold(f.label)]));
  for (const name of Object.keys(values)) {
    if (name.trim() !== '' && !known.has(fold(name))) problems.push(`Unknown setting: ${name.slice(0, 60)}.`);
  }
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
