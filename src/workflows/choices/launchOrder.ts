import { textOf, trimmedText } from '../../domain/text';
import type { Ports, RowValues } from '../../ports';
import type { Person } from '../people';
import { LAUNCH, launchTab } from '../tabs';
import { updateAsOneBlock } from '../write';

/** Each mentor speaks for two minutes at the launch ("Mentors will speak for two minutes each"). */
const TALK_MINUTES = 2;

/**
 * The Launch tab, kept in step with the selected mentors: the coordinator's order stays, a newly
 * selected mentor joins at the end, one no longer selected leaves. Returns the mentors in that order.
 */
export function refreshLaunchOrder(ports: Pick<Ports, 'workbook'>, mentors: readonly Person[]): Person[] {
  ports.workbook.ensureTab(launchTab);
  const table = ports.workbook.read(launchTab);
  const byId = new Map(mentors.map((m) => [m.id, m]));
  const listed = table.rows
    .map((r) => ({
      row: r,
      id: trimmedText(r.values[LAUNCH.mentorId]),
      order: Number(r.values[LAUNCH.order]),
    }))
    .filter((r) => byId.has(r.id))
    .sort(
      (a, b) =>
        (Number.isFinite(a.order) ? a.order : 1e9) - (Number.isFinite(b.order) ? b.order : 1e9) ||
        a.row.rowNumber - b.row.rowNumber,
    );
  const seen = new Set(listed.map((r) => r.id));
  const ordered = [...listed.map((r) => byId.get(r.id)!), ...mentors.filter((m) => !seen.has(m.id))];
  const wanted: RowValues[] = ordered.map((m, i) => {
    const kept = listed.find((r) => r.id === m.id)?.row.values;
    return {
      [LAUNCH.order]: i + 1,
      [LAUNCH.mentorId]: m.id,
      [LAUNCH.mentor]: m.name,
      [LAUNCH.libraryService]: m.libraryService,
      [LAUNCH.minutes]: kept?.[LAUNCH.minutes] || TALK_MINUTES,
      [LAUNCH.notes]: kept?.[LAUNCH.notes] ?? '',
    };
  });
  const same =
    table.rows.length === wanted.length &&
    wanted.every((w, i) =>
      Object.entries(w).every(([h, v]) => textOf(table.rows[i]!.values[h]) === String(v)),
    );
  if (!same) {
    const changes = new Map<number, RowValues>();
    const blank = Object.fromEntries(Object.values(LAUNCH).map((h) => [h, ''])) as RowValues;
    table.rows.forEach((r, i) => {
      changes.set(r.rowNumber, wanted[i] ?? blank);
    });
    updateAsOneBlock(ports, table, changes);
    ports.workbook.append(table, wanted.slice(table.rows.length));
  }
  return ordered;
}
