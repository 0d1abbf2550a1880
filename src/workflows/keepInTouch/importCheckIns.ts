import { isDate } from '../../domain/dates';
import { historyAfter, historyText } from '../../domain/intake/history';
import { parseCheckIn } from '../../domain/keepInTouch/answers';
import { type CheckInSlot, claimedBy, parseSlot, slotId } from '../../domain/keepInTouch/slots';
import { ROLE_LABELS } from '../../domain/status';
import type { Ports, RowValues } from '../../ports';
import { shown } from '../choices/importChoices';
import { formRef, readSettings } from '../context';
import { HANDLER } from '../handlers';
import { whoseCode } from '../identity';
import { PROBLEM_SEPARATOR } from '../intake/applicantRow';
import { keepIntakeProblems } from '../intake/intakeProblems';
import { newResponses } from '../intake/responses';
import { writeLog } from '../log';
import { type Person, peopleOf } from '../people';
import { applicantsTab } from '../tabs';
import { type KeyedRow, writeKeyedRows } from '../write';
import { checkInRecords, pairLabel } from './state';
import { CHECK_IN, checkInsTab } from './tabs';

const ROWS_PER_RUN = 1500;
export const CHECK_IN_CURSOR = 'intake:cursor:check-in';

type Working = KeyedRow;

/** The person and partner a slot names, when both are known. */
function peopleOfSlot(byId: ReadonlyMap<string, Person>, slot: CheckInSlot | null) {
  const person = slot ? byId.get(slot.personId) : undefined;
  const partner = slot ? byId.get(slot.partnerId) : undefined;
  return person && partner ? { person, partner } : null;
}

/**
 * Check-in responses → the CheckIns tab. A response sent from a person's own link (its code is one
 * Cohort signed, for that person, partner and round) is their answer for that round: one row per
 * person, pair and round, the latest answer winning. Any other response (no code, a guess, a code
 * tampered with) is recorded on a Needs review row and counts for nobody: one such row for each
 * check-in it claims to be, one for all that claim nothing, each with a bounded history, however
 * many arrive. Responses are read through a cursor.
 */
export function importCheckIns(ports: Ports): { answered: number; review: number } {
  const ref = formRef(ports, 'check-in');
  if (!ref || !ports.workbook.hasTab(ref.responseTab)) return { answered: 0, review: 0 };
  const { settings } = readSettings(ports);
  ports.workbook.ensureTab(checkInsTab);
  const table = ports.workbook.read(checkInsTab);
  const byId = new Map(peopleOf(ports.workbook.read(applicantsTab)).map((p) => [p.id, p]));
  const rows = new Map<string, Working>();
  for (const record of checkInRecords(table)) {
    const id = record.slot ? slotId(record.slot) : '';
    const key =
      record.status === 'Needs review'
        ? `review|${id}`
        : record.slot
          ? `valid|${id}`
          : `kept|${record.row.rowNumber}`;
    if (!rows.has(key))
      rows.set(key, { rowNumber: record.row.rowNumber, values: { ...record.row.values }, changed: false });
  }
  const batch = newResponses(ports, CHECK_IN_CURSOR, ref.responseTab, ROWS_PER_RUN);
  if (batch.fromTop)
    for (const r of rows.values()) {
      if (r.values[CHECK_IN.submissions] === '' && r.values[CHECK_IN.history] === '') continue;
      r.values = { ...r.values, [CHECK_IN.submissions]: '', [CHECK_IN.history]: '' };
      r.changed = true;
    }
  let answered = 0;
  let review = 0;
  for (const response of batch.table.rows) {
    const parsed = parseCheckIn(response.values);
    if (!parsed.code && !parsed.met && parsed.rating === null && !parsed.note && !parsed.coach) continue;
    const at = isDate(response.values.Timestamp)
      ? response.values.Timestamp.getTime()
      : ports.clock.now().getTime();
    const slot = parseSlot(whoseCode(ports, 'check-in', parsed.code));
    const own = peopleOfSlot(byId, slot);
    // A failed code is shown against the check-in it claims, when that is one Cohort sent.
    const claim = parseSlot(claimedBy(parsed.code));
    const claimed = !own && claim && rows.has(`valid|${slotId(claim)}`) ? claim : null;
    const about = own ? slot : claimed;
    const who = peopleOfSlot(byId, about);
    const key = own ? `valid|${slotId(slot!)}` : `review|${claimed ? slotId(claimed) : ''}`;
    const reasons = own
      ? []
      : [
          parsed.code
            ? 'The personal code is not one Cohort made: this check-in counts for nobody'
            : 'No personal code: not sent from the link in a check-in email, so it counts for nobody',
        ];
    const existing = rows.get(key);
    const history = historyAfter(
      existing?.values,
      { history: CHECK_IN.history, submissions: CHECK_IN.submissions, at: CHECK_IN.answeredOn },
      { fromTop: batch.fromTop, at, shownAt: shown(ports, settings, at) },
    );
    // Taken in already by a run cut off before it moved the cursor (found by the fault trials).
    if (!history) continue;
    const values: RowValues = {
      ...(existing?.values ?? {}),
      [CHECK_IN.personId]: who?.person.id ?? '',
      [CHECK_IN.name]: who?.person.name ?? '',
      [CHECK_IN.role]: who ? ROLE_LABELS[who.person.role] : '',
      [CHECK_IN.pair]: who
        ? who.person.role === 'mentee'
          ? pairLabel(who.person, who.partner)
          : pairLabel(who.partner, who.person)
        : '',
      [CHECK_IN.round]: about?.round ?? '',
      [CHECK_IN.answeredOn]: new Date(at),
      [CHECK_IN.met]: parsed.met,
      [CHECK_IN.rating]: parsed.rating ?? '',
      [CHECK_IN.note]: parsed.note,
      [CHECK_IN.coach]: parsed.coach,
      [CHECK_IN.status]: own ? 'Answered' : 'Needs review',
      [CHECK_IN.problems]: keepIntakeProblems([...reasons, ...parsed.problems]).join(PROBLEM_SEPARATOR),
      [CHECK_IN.submissions]: history.count,
      [CHECK_IN.history]: historyText(history),
    };
    if (own) answered++;
    else review++;
    if (existing) {
      existing.values = values;
      existing.changed = true;
    } else rows.set(key, { rowNumber: null, values, changed: true });
  }
  writeKeyedRows(ports, table, rows.values());
  batch.save();
  if (batch.more) ports.triggers.scheduleOnce(HANDLER.continueIntake, 60_000);
  if (answered + review > 0)
    writeLog(ports, [
      {
        level: review ? 'warning' : 'info',
        action: 'Check-ins',
        message: `${answered} answered${review ? `; ${review} without a valid personal code, recorded as Needs review in the CheckIns tab (they count for nobody)` : ''}.`,
      },
    ]);
  return { answered, review };
}
