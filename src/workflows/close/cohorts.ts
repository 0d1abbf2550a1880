import { cohortYearOf } from '../../domain/close/nextCohort';
import { erasureDueFrom } from '../../domain/close/retention';
import type { Settings } from '../../domain/settings';
import type { Ports } from '../../ports';
import { CALENDAR_ID_KEY } from '../calendar/programmeCalendar';
import { COHORT_FORMS, type FormKey, formRef } from '../context';
import { storedJson } from '../storedJson';
import { TAB } from '../tabs';

/**
 * A cohort is one year of the scheme and the personal data it gathered. The current one lives in
 * the usual tabs; "Start the next cohort" keeps an earlier one in tabs renamed with its year
 * ("2025 Applicants", hidden), with a record in script properties of where everything it holds
 * is, so that its retention clock still runs and "Close the programme" can erase it when it is due.
 */

/** The tabs that hold people's data, moved aside (renamed, hidden) when the next cohort starts. */
export const PEOPLE_TABS: readonly string[] = [
  TAB.applicants,
  TAB.choices,
  TAB.matches,
  TAB.outbox,
  TAB.changes,
  TAB.launch,
  TAB.log,
  TAB.checkIns,
  TAB.attention,
];

/** The evaluator's export file (made by "Export for the evaluator"). */
export interface ExportFile {
  readonly id: string;
  readonly url: string;
  readonly madeAt: string;
}

export interface CohortForm {
  readonly key: FormKey;
  readonly id: string;
  readonly responseTab: string;
}

export interface Cohort {
  readonly year: number;
  readonly current: boolean;
  readonly programmeName: string;
  /** 'YYYY-MM-DD' */
  readonly endDate: string;
  readonly retentionMonths: number;
  /** 'YYYY-MM-DD': the first day its personal data may no longer be kept. */
  readonly eraseFrom: string;
  /** Where each of PEOPLE_TABS is for this cohort (only the tabs it has). */
  readonly tabs: Readonly<Record<string, string>>;
  readonly forms: readonly CohortForm[];
  readonly calendarId: string;
  readonly exportFile: ExportFile | null;
  /** The key its pseudonyms are made with ('' once erased). */
  readonly exportKey: string;
  /** When "Close the programme" kept its anonymous summary (ISO), or ''. */
  readonly closedAt: string;
  /** When its personal data was erased (ISO), or ''. */
  readonly erasedAt: string;
}

/** Script property keys. */
export const CURRENT_COHORT = 'cohort:current';
export const ARCHIVE_PREFIX = 'cohort:archive:';
export const EXPORT_FILE = 'export:evaluation';
export const EXPORT_KEY = 'secret:evaluation';

interface CurrentRecord {
  readonly year?: number;
  readonly closedAt?: string;
  readonly erasedAt?: string;
}

type ArchiveRecord = Omit<Cohort, 'current' | 'eraseFrom'>;

function currentRecord(ports: Pick<Ports, 'store'>): CurrentRecord {
  return storedJson<CurrentRecord>(ports.store.get(CURRENT_COHORT)) ?? {};
}

/** The current cohort's year: recorded once it is closed or started, else read from Settings. */
export function currentYear(ports: Pick<Ports, 'store'>, settings: Settings): number {
  return currentRecord(ports).year ?? cohortYearOf(settings.programmeName, settings.programmeEndDate);
}

export function currentForms(ports: Pick<Ports, 'store'>): CohortForm[] {
  return COHORT_FORMS.flatMap((key) => {
    const ref = formRef(ports, key);
    return ref ? [{ key, id: ref.id, responseTab: ref.responseTab }] : [];
  });
}

export function currentCohort(ports: Pick<Ports, 'store' | 'workbook'>, settings: Settings): Cohort {
  const record = currentRecord(ports);
  const present = new Set(ports.workbook.tabNames());
  return {
    year: currentYear(ports, settings),
    current: true,
    programmeName: settings.programmeName,
    endDate: settings.programmeEndDate,
    retentionMonths: settings.retentionMonths,
    eraseFrom: erasureDueFrom(settings.programmeEndDate, settings.retentionMonths),
    tabs: Object.fromEntries(PEOPLE_TABS.filter((t) => present.has(t)).map((t) => [t, t])),
    forms: currentForms(ports),
    calendarId: ports.store.get(CALENDAR_ID_KEY) ?? '',
    exportFile: storedJson<ExportFile>(ports.store.get(EXPORT_FILE)),
    exportKey: ports.store.get(EXPORT_KEY) ?? '',
    closedAt: record.closedAt ?? '',
    erasedAt: record.erasedAt ?? '',
  };
}

export function archivedCohorts(ports: Pick<Ports, 'store'>): Cohort[] {
  return ports.store
    .entries(ARCHIVE_PREFIX)
    .flatMap(([, raw]) => {
      const r = storedJson<ArchiveRecord>(raw);
      return r ? [{ ...r, current: false, eraseFrom: erasureDueFrom(r.endDate, r.retentionMonths) }] : [];
    })
    .sort((a, b) => a.year - b.year);
}

/** Every cohort whose data Cohort still knows of, oldest first. */
export function allCohorts(ports: Pick<Ports, 'store' | 'workbook'>, settings: Settings): Cohort[] {
  return [...archivedCohorts(ports), currentCohort(ports, settings)];
}

/** Notes that a cohort was closed or erased (where its record lives). */
export function markCohort(
  ports: Pick<Ports, 'store'>,
  cohort: Cohort,
  change: { closedAt?: string; erasedAt?: string; exportKey?: string; exportFile?: ExportFile },
): void {
  if (cohort.current) {
    const { exportKey, exportFile, ...dates } = change;
    if (Object.keys(dates).length > 0)
      ports.store.set(
        CURRENT_COHORT,
        JSON.stringify({ ...currentRecord(ports), year: cohort.year, ...dates }),
      );
    if (exportKey === '') ports.store.delete(EXPORT_KEY);
    else if (exportKey) ports.store.set(EXPORT_KEY, exportKey);
    if (exportFile) ports.store.set(EXPORT_FILE, JSON.stringify(exportFile));
    return;
  }
  const key = `${ARCHIVE_PREFIX}${cohort.year}`;
  const record = storedJson<ArchiveRecord>(ports.store.get(key));
  if (record) ports.store.set(key, JSON.stringify({ ...record, ...change }));
}

/** Saves the record of a cohort moved aside by "Start the next cohort". */
export function saveArchive(ports: Pick<Ports, 'store'>, cohort: Cohort): void {
  const { current: _current, eraseFrom: _eraseFrom, ...record } = cohort;
  ports.store.set(`${ARCHIVE_PREFIX}${cohort.year}`, JSON.stringify(record satisfies ArchiveRecord));
}

/** The new current cohort's record (its year), once the next cohort has started. */
export function startCurrent(ports: Pick<Ports, 'store'>, year: number): void {
  ports.store.set(CURRENT_COHORT, JSON.stringify({ year } satisfies CurrentRecord));
}

/** "the 2025 cohort" */
export const cohortLabel = (c: Pick<Cohort, 'year'>) => `the ${c.year} cohort`;
