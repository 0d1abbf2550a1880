import { parseIsoDate } from '../domain/dates';
import { ALLOWED_PLACEHOLDERS, DEFAULT_TEMPLATES } from '../domain/default-templates';
import { AUDIENCES, type ProgrammeDate } from '../domain/scheme';
import { parseSettingsRows, type Settings } from '../domain/settings';
import type { Template } from '../domain/templates';
import type { FormRef, Ports, Table } from '../ports';
import { PROGRAMME, SETTING, settingsTab, TAB, TEMPLATE } from './tabs';

/** A tab as the 2-D values the domain parsers read (header row first). */
export function asRows(table: Table): unknown[][] {
  return [table.headers as unknown[], ...table.rows.map((r) => table.headers.map((h) => r.values[h] ?? ''))];
}

export interface LoadedSettings {
  readonly settings: Settings;
  readonly problems: readonly string[];
}

export function readSettings(ports: Pick<Ports, 'workbook' | 'clock'>): LoadedSettings {
  const table = ports.workbook.read(settingsTab.name);
  // A date the coordinator typed into a Value cell reads as wall-clock time in the programme's zone.
  const zone = String(
    table.rows.find((r) => r.values[SETTING.key] === 'timeZone')?.values[SETTING.value] || 'Europe/London',
  );
  return parseSettingsRows(asRows(table), { dateToWallClock: (d) => ports.clock.wallClock(d, zone) });
}

/**
 * The templates as the coordinator left them: a template they deleted falls back to the default, so
 * an email is never sent with no text; an edited one is used as edited.
 */
export function readTemplates(ports: Pick<Ports, 'workbook'>): Map<string, Template> {
  const templates = new Map(DEFAULT_TEMPLATES.map((t) => [t.key, t]));
  for (const row of ports.workbook.read(TAB.templates).rows) {
    const key = String(row.values[TEMPLATE.key] ?? '').trim();
    const subject = String(row.values[TEMPLATE.subject] ?? '');
    const body = String(row.values[TEMPLATE.body] ?? '');
    const allowed = ALLOWED_PLACEHOLDERS[key];
    if (allowed && subject.trim() && body.trim())
      templates.set(key, { key, subject, body, placeholders: allowed });
  }
  return templates;
}

export type FormKey = 'mentor' | 'mentee' | 'choices';

export function formRef(ports: Pick<Ports, 'store'>, key: FormKey): FormRef | null {
  const raw = ports.store.get(`form:${key}`);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as FormRef;
  } catch {
    return null;
  }
}

export function saveFormRef(ports: Pick<Ports, 'store'>, key: FormKey, ref: FormRef): void {
  ports.store.set(
    `form:${key}`,
    JSON.stringify({
      id: ref.id,
      publishedUrl: ref.publishedUrl,
      editUrl: ref.editUrl,
      responseTab: ref.responseTab,
    }),
  );
}

/** The application deadline as an instant. */
export function deadlineOf(ports: Pick<Ports, 'clock'>, settings: Settings): Date {
  return ports.clock.instant(settings.applicationDeadline, settings.timeZone);
}

/** The Programme tab as the domain's programme dates (rows without a valid date are left out). */
export function readProgramme(ports: Pick<Ports, 'workbook'>): ProgrammeDate[] {
  const dates: ProgrammeDate[] = [];
  for (const row of ports.workbook.read(TAB.programme).rows) {
    const v = (h: string) => String(row.values[h] ?? '').trim();
    const audience = AUDIENCES.find((a) => a === v(PROGRAMME.audience).toLowerCase()) ?? 'all participants';
    if (!parseIsoDate(v(PROGRAMME.date))) continue;
    dates.push({
      key: v(PROGRAMME.key),
      title: v(PROGRAMME.title),
      date: v(PROGRAMME.date),
      start: v(PROGRAMME.start),
      end: v(PROGRAMME.end),
      timeZone: v(PROGRAMME.timeZone) || 'Europe/London',
      audience,
      description: v(PROGRAMME.description),
      online: true,
    });
  }
  return dates.sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
}

/** Who emails come from and where replies go. */
export function senderOf(settings: Settings): { replyTo: string; senderName: string } {
  return {
    replyTo: settings.coordinatorEmail,
    senderName: settings.coordinatorName || settings.programmeName,
  };
}
