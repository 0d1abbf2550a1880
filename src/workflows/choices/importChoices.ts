import { isDate } from '../../domain/dates';
import { parseChoices } from '../../domain/intake';
import { historyAfter, historyText } from '../../domain/intake/history';
import type { Settings } from '../../domain/settings';
import { normaliseEmail, textOf, trimmedText } from '../../domain/text';
import type { Ports, RowValues } from '../../ports';
import { formRef, readSettings } from '../context';
import { HANDLER } from '../handlers';
import { whoseCode } from '../identity';
import { PROBLEM_SEPARATOR } from '../intake/applicantRow';
import { keepIntakeProblems } from '../intake/intakeProblems';
import { newResponses } from '../intake/responses';
import { writeLog } from '../log';
import { peopleOf, personLabel, selected } from '../people';
import { applicantsTab, CHOICE, CHOICE_COLUMNS, choicesTab } from '../tabs';
import { type KeyedRow, writeKeyedRows } from '../write';

const ROWS_PER_RUN = 1500;

type ChoiceRow = KeyedRow;

/** The time as the Sheet shows it, in the programme's zone: '08/05/2025 10:20'. */
export function shown(ports: Pick<Ports, 'clock'>, settings: Settings, ms: number): string {
  const w = ports.clock.wallClock(new Date(ms), settings.timeZone);
  return `${w.slice(8, 10)}/${w.slice(5, 7)}/${w.slice(0, 4)} ${w.slice(11, 16)}`;
}

/**
 * Choices-form responses → the Choices tab. A response sent from a mentee's personal link (its code
 * is theirs, and the address they typed is theirs) is their choices: one row per mentee, the latest
 * winning, each choice as "mentor name (ID)". Any other response (no code, a guess, someone else's
 * code or address) is recorded and flagged Needs review, and never replaces anyone's choices until
 * the coordinator sets Accept. Histories are bounded; responses are read through a cursor.
 */
export function importChoices(ports: Ports): { imported: number; updated: number; review: number } {
  const ref = formRef(ports, 'choices');
  if (!ref || !ports.workbook.hasTab(ref.responseTab)) return { imported: 0, updated: 0, review: 0 };
  const { settings } = readSettings(ports);
  ports.workbook.ensureTab(choicesTab);
  const table = ports.workbook.read(choicesTab);
  const people = peopleOf(ports.workbook.read(applicantsTab));
  const mentors = people.filter((p) => p.role === 'mentor' && p.id);
  const mentees = people.filter((p) => p.role === 'mentee');
  const menteeByEmail = new Map(mentees.map((p) => [p.email, p]));
  const menteeById = new Map(mentees.map((p) => [p.id, p]));
  const selectedMentees = new Set(selected(people, 'mentee').map((p) => p.email));
  const rows = new Map<string, ChoiceRow>();
  for (const row of table.rows) {
    const status = String(row.values[CHOICE.status] ?? 'Valid').trim() || 'Valid';
    const id = trimmedText(row.values[CHOICE.menteeId]);
    const email = normaliseEmail(textOf(row.values[CHOICE.email]));
    // A row the coordinator has ruled on (Accept, Reject) is kept as it is: a newer unverified
    // response from that address gets a row of its own, to be reviewed afresh.
    const key =
      status === 'Valid' && id
        ? `valid|${id}`
        : status === 'Needs review'
          ? `review|${email}|${id}`
          : `kept|${row.rowNumber}`;
    if (!rows.has(key))
      rows.set(key, { rowNumber: row.rowNumber, values: { ...row.values }, changed: false });
  }
  const context = {
    mentors: mentors.map((m) => ({
      id: m.id,
      name: m.name,
      libraryService: m.libraryService,
      status: m.status ?? 'Applied',
    })),
    selectedMentees,
  };
  const batch = newResponses(ports, 'intake:cursor:choices', ref.responseTab, ROWS_PER_RUN);
  if (batch.fromTop)
    for (const r of rows.values()) {
      r.values = { ...r.values, [CHOICE.submissions]: '', [CHOICE.history]: '' };
      r.changed = true;
    }
  let imported = 0;
  let updated = 0;
  let review = 0;
  /** Who each response was from, for the Log ("ME-004 Gwen Hughes"). */
  const named: string[] = [];
  for (const response of batch.table.rows) {
    const parsed = parseChoices(response.values, context);
    if (!parsed.email && !parsed.code && parsed.choices.length === 0) continue;
    const at = isDate(response.values.Timestamp)
      ? response.values.Timestamp.getTime()
      : ports.clock.now().getTime();
    const owner = whoseCode(ports, 'choices', parsed.code);
    const claimed = menteeByEmail.get(parsed.email);
    const ownerPerson = owner ? menteeById.get(owner) : undefined;
    const reasons: string[] = [];
    if (!parsed.code) reasons.push('No personal code: not sent from the link in the mentee’s email');
    else if (!ownerPerson) reasons.push('The personal code is not one Cohort made');
    else if (claimed && claimed.id !== ownerPerson.id)
      reasons.push(`The personal code belongs to ${personLabel(ownerPerson)}, not to ${parsed.email}`);
    else if (parsed.email && !claimed)
      reasons.push(
        `The personal code belongs to ${personLabel(ownerPerson)}, but the address typed is ${parsed.email}`,
      );
    const valid = reasons.length === 0 && ownerPerson !== undefined;
    const mentee = valid ? ownerPerson : claimed;
    // Responses with no address at all are nobody's: each keeps its own row.
    const from = parsed.email || `(no address, row ${response.rowNumber})`;
    const key = valid ? `valid|${mentee!.id}` : `review|${from}|${mentee?.id ?? ''}`;
    const existing = rows.get(key);
    const history = historyAfter(
      existing?.values,
      { history: CHOICE.history, submissions: CHOICE.submissions, at: CHOICE.submittedAt },
      { fromTop: batch.fromTop, at, shownAt: shown(ports, settings, at) },
    );
    // Taken in already by a run cut off before it moved the cursor: counted once.
    if (!history) continue;
    const values: RowValues = {
      ...(existing?.values ?? {}),
      [CHOICE.email]: parsed.email,
      [CHOICE.menteeId]: mentee?.id ?? '',
      [CHOICE.mentee]: mentee?.name ?? '',
      [CHOICE.note]: parsed.note,
      [CHOICE.status]: valid ? 'Valid' : 'Needs review',
      [CHOICE.problems]: keepIntakeProblems([...reasons, ...parsed.problems]).join(PROBLEM_SEPARATOR),
      [CHOICE.submittedAt]: new Date(at),
      [CHOICE.submissions]: history.count,
      [CHOICE.history]: historyText(history),
    };
    CHOICE_COLUMNS.forEach((column, i) => {
      const mentor = mentors.find((m) => m.id === parsed.choices[i]);
      values[column] = mentor ? personLabel(mentor) : '';
    });
    if (!valid) review++;
    named.push(`${mentee ? `${mentee.id} ${mentee.name}` : from}${valid ? '' : ' (needs review)'}`);
    if (existing) {
      existing.values = values;
      existing.changed = true;
      if (existing.rowNumber !== null) updated++;
    } else {
      rows.set(key, { rowNumber: null, values, changed: true });
      imported++;
    }
  }
  writeKeyedRows(ports, table, rows.values());
  batch.save();
  if (batch.more) ports.triggers.scheduleOnce(HANDLER.continueIntake, 60_000);
  if (imported + updated > 0) {
    writeLog(ports, [
      {
        level: review ? 'warning' : 'info',
        action: 'Mentor choices',
        message:
          `${imported} new, ${updated} updated: ${[...new Set(named)].slice(0, 10).join(' | ')}` +
          `${new Set(named).size > 10 ? ` | … and ${new Set(named).size - 10} more` : ''}` +
          `${review ? `; ${review} not from a personal link, waiting for your review in the Choices tab` : ''}.`,
      },
    ]);
  }
  return { imported, updated, review };
}
