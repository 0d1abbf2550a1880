import type { SettingKey } from '../domain/settings';
import { SETTING_FIELDS } from '../domain/settings';
import type { Ports } from '../ports';
import { SETTING, settingsTab } from './tabs';

/** '"Evaluation survey link" in the Settings tab (row 27, Value column)': where to fill a setting in. */
export function settingCell(ports: Pick<Ports, 'workbook'>, key: SettingKey): string {
  const label = SETTING_FIELDS.find((f) => f.key === key)?.label ?? key;
  const row = ports.workbook
    .read(settingsTab)
    .rows.find((r) => String(r.values[SETTING.key] ?? '').trim() === key);
  return `"${label}" in the Settings tab${row ? ` (row ${row.rowNumber}, Value column)` : ''}`;
}
