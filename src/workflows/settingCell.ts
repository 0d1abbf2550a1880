import type { Prose } from '../domain/prose';
import type { SettingKey } from '../domain/settings';
import { SETTING_FIELDS } from '../domain/settings';
import { textOf, trimmedText } from '../domain/text';
import type { Ports } from '../ports';
import { SETTING, settingsTab } from './tabs';

/** '"Evaluation survey link" in the Settings tab (row 27, Value column)': where to fill a setting in. */
export function settingCell(ports: Pick<Ports, 'workbook'>, key: SettingKey): string {
  const label = SETTING_FIELDS.find((f) => f.key === key)?.label ?? key;
  const row = ports.workbook.read(settingsTab).rows.find((r) => trimmedText(r.values[SETTING.key]) === key);
  return `"${label}" in the Settings tab${row ? ` (row ${row.rowNumber}, Value column)` : ''}`;
}

/** Writes a setting's Value cell in place; false when the Settings tab has no row for it. */
export function writeSetting(ports: Pick<Ports, 'workbook'>, key: SettingKey, value: string): boolean {
  const table = ports.workbook.read(settingsTab);
  const row = table.rows.find((r) => trimmedText(r.values[SETTING.key]) === key);
  if (!row) return false;
  if (textOf(row.values[SETTING.value]) !== value)
    ports.workbook.update(table, [{ rowNumber: row.rowNumber, values: { [SETTING.value]: value } }]);
  return true;
}

/**
 * Replaces the notes an earlier version of Cohort wrote and this one words differently, where the
 * Note cell still says exactly that; returns the labels of the settings reworded.
 */
export function updateSettingNotes(ports: Pick<Ports, 'workbook'>, prose: Prose): string[] {
  const table = ports.workbook.read(settingsTab);
  const reworded: string[] = [];
  const changes = table.rows.flatMap((row) => {
    const key = trimmedText(row.values[SETTING.key]) as SettingKey;
    const before = prose.settingNotesBefore[key];
    if (!before?.includes(textOf(row.values[SETTING.note]))) return [];
    reworded.push(String(row.values[SETTING.label] ?? key));
    return [{ rowNumber: row.rowNumber, values: { [SETTING.note]: prose.settingNotes[key] } }];
  });
  ports.workbook.update(table, changes);
  return reworded;
}
