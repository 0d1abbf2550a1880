import { parseChoices } from '../../domain/intake';
import { normaliseEmail } from '../../domain/text';
import type { Cell, Ports, RowValues } from '../../ports';
import { formRef } from '../context';
import { PROBLEM_SEPARATOR } from '../intake/applicantRow';
import { writeLog } from '../log';
import { peopleOf, personLabel, selected } from '../people';
import { applicantsTab, CHOICE, CHOICE_COLUMNS, choicesTab } from '../tabs';
import { updateAsOneBlock } from '../write';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const when = (v: Cell | undefined) => (isDate(v) ? v.toISOString() : String(v ?? ''));

/**
 * Choices-form responses → the Choices tab: one row per mentee (the latest submission wins, the
 * history is kept), each choice as "mentor name (ID)", problems in words. Re-running imports
 * nothing twice.
 */
export function importChoices(ports: Ports): { imported: number; updated: number } {
  const ref = formRef(ports, 'choices');
  if (!ref || !ports.workbook.hasTab(ref.responseTab)) return { imported: 0, updated: 0 };
  ports.workbook.ensureTab(choicesTab);
  const table = ports.workbook.read(choicesTab);
  const people = peopleOf(ports.workbook.read(applicantsTab));
  const mentors = people.filter((p) => p.role === 'mentor' && p.id);
  const mentees = new Map(people.filter((p) => p.role === 'mentee').map((p) => [p.email, p]));
  const selectedMentees = new Set(selected(people, 'mentee').map((p) => p.email));
  const rows = new Map<string, { rowNumber: number | null; values: RowValues; changed: boolean }>();
  const seen = new Set<string>();
  for (const row of table.rows) {
    const email = normaliseEmail(String(row.values[CHOICE.email] ?? ''));
    // Responses without an address are nobody's: each keeps its own row, as in Applicants.
    rows.set(email || `(row ${row.rowNumber})`, {
      rowNumber: row.rowNumber,
      values: { ...row.values },
      changed: false,
    });
    for (const line of String(row.values[CHOICE.history] ?? '').split('\n'))
      if (line.trim()) seen.add(`${email}|${line.trim()}`);
  }
  let imported = 0;
  let updated = 0;
  const context = {
    mentors: mentors.map((m) => ({
      id: m.id,
      name: m.name,
      libraryService: m.libraryService,
      status: m.status ?? 'Applied',
    })),
    selectedMentees,
  };
  for (const response of ports.workbook.read(ref.responseTab).rows) {
    const parsed = parseChoices(response.values, context);
    const stamp = when(response.values.Timestamp);
    if (seen.has(`${parsed.email}|${stamp}`)) continue;
    seen.add(`${parsed.email}|${stamp}`);
    const key = parsed.email || `(no email ${stamp})`;
    const existing = rows.get(key);
    const history = [existing ? String(existing.values[CHOICE.history] ?? '').trim() : '', stamp]
      .filter(Boolean)
      .join('\n');
    const mentee = mentees.get(parsed.email);
    const values: RowValues = {
      ...(existing?.values ?? {}),
      [CHOICE.email]: parsed.email,
      [CHOICE.menteeId]: mentee?.id ?? '',
      [CHOICE.mentee]: mentee?.name ?? '',
      [CHOICE.note]: parsed.note,
      [CHOICE.problems]: parsed.problems.join(PROBLEM_SEPARATOR),
      [CHOICE.submittedAt]: isDate(response.values.Timestamp) ? response.values.Timestamp : ports.clock.now(),
      [CHOICE.submissions]: history.split('\n').length,
      [CHOICE.history]: history,
    };
    CHOICE_COLUMNS.forEach((column, i) => {
      const mentor = mentors.find((m) => m.id === parsed.choices[i]);
      values[column] = mentor ? personLabel(mentor) : '';
    });
    if (existing) {
      existing.values = values;
      existing.changed = true;
      if (existing.rowNumber !== null) updated++;
    } else {
      rows.set(key, { rowNumber: null, values, changed: true });
      imported++;
    }
  }
  const changes = new Map<number, RowValues>();
  const appends: RowValues[] = [];
  for (const r of rows.values()) {
    if (!r.changed) continue;
    if (r.rowNumber === null) appends.push(r.values);
    else changes.set(r.rowNumber, r.values);
  }
  updateAsOneBlock(ports, table, changes);
  ports.workbook.append(table, appends);
  if (imported + updated > 0) {
    writeLog(ports, [
      { level: 'info', action: 'Mentor choices', message: `${imported} new, ${updated} updated.` },
    ]);
  }
  return { imported, updated };
}
