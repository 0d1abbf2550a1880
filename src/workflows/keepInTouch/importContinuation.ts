import { isDate } from '../../domain/dates';
import type { Continues } from '../../domain/keepInTouch/answers';
import { parseContinuation } from '../../domain/keepInTouch/answers';
import { claimedBy, parseSide, sideId } from '../../domain/keepInTouch/slots';
import { continuationReviewReason, continuesAfter } from '../../domain/keepInTouch/wording';
import { trimmedText } from '../../domain/text';
import type { Ports, RowValues } from '../../ports';
import { shown } from '../choices/importChoices';
import { formRef, readSettings } from '../context';
import { HANDLER } from '../handlers';
import { whoseCode } from '../identity';
import { newResponses } from '../intake/responses';
import { writeLog } from '../log';
import { type PairRow, pairRows } from '../matching/pairs';
import { MATCH, matchesTab } from '../tabs';
import { updateAsOneBlock } from '../write';
import type { Matter } from './due';
import { writeMatters } from './write';

const ROWS_PER_RUN = 1500;
export const CONTINUATION_CURSOR = 'intake:cursor:continuation';

const asContinues = (v: unknown): Continues => {
  const t = trimmedText(v).toLowerCase();
  return t === 'yes' ? 'Yes' : t === 'no' ? 'No' : t === 'not sure' ? 'Not sure' : '';
};

/** The pair a person's answer is about: the announced one, else the latest row of those two. */
function pairOf(pairs: readonly PairRow[], personId: string, partnerId: string): PairRow | undefined {
  const same = pairs.filter(
    (p) =>
      (p.menteeId === personId && p.mentorId === partnerId) ||
      (p.mentorId === personId && p.menteeId === partnerId),
  );
  return same.find((p) => p.status === 'Announced') ?? same[same.length - 1];
}

/**
 * Continuation answers → the pair's row in Matches: "Mentee continues", "Mentor continues" (the
 * latest answer from each side's own link), and "Continues after November", Yes only when both
 * said yes. An answer without a valid personal code changes nothing: it goes on the Attention list
 * (one matter for each pair side it claims, one for all that claim nothing).
 */
export function importContinuation(ports: Ports): { recorded: number; review: number } {
  const ref = formRef(ports, 'continuation');
  if (!ref || !ports.workbook.hasTab(ref.responseTab)) return { recorded: 0, review: 0 };
  const { settings } = readSettings(ports);
  ports.workbook.ensureTab(matchesTab);
  const table = ports.workbook.read(matchesTab);
  const pairs = pairRows(table);
  const batch = newResponses(ports, CONTINUATION_CURSOR, ref.responseTab, ROWS_PER_RUN);
  const changes = new Map<number, RowValues>();
  const review = new Map<string, Matter>();
  let recorded = 0;
  for (const response of batch.table.rows) {
    const parsed = parseContinuation(response.values);
    if (!parsed.code && !parsed.continues) continue;
    const at = isDate(response.values.Timestamp)
      ? response.values.Timestamp.getTime()
      : ports.clock.now().getTime();
    const side = parseSide(whoseCode(ports, 'continuation', parsed.code));
    const pair = side ? pairOf(pairs, side.personId, side.partnerId) : undefined;
    if (!side || !pair) {
      const claim = parseSide(claimedBy(parsed.code));
      const claimed = claim && pairOf(pairs, claim.personId, claim.partnerId) ? sideId(claim) : 'unknown';
      review.set(claimed, {
        key: `continuation-review:${claimed}`,
        pair: '',
        person: claimed === 'unknown' ? '' : claim!.personId,
        reason: continuationReviewReason(parsed.continues, shown(ports, settings, at)),
      });
      continue;
    }
    if (!parsed.continues) continue;
    recorded++;
    const row = pair.row;
    const before = { ...row.values, ...(changes.get(row.rowNumber) ?? {}) };
    const column = side.personId === pair.menteeId ? MATCH.menteeContinues : MATCH.mentorContinues;
    const after = { ...before, [column]: parsed.continues };
    changes.set(row.rowNumber, {
      ...(changes.get(row.rowNumber) ?? {}),
      [column]: parsed.continues,
      [MATCH.continues]: continuesAfter(
        asContinues(after[MATCH.menteeContinues]),
        asContinues(after[MATCH.mentorContinues]),
      ),
    });
  }
  updateAsOneBlock(ports, table, changes);
  writeMatters(ports, [...review.values()]);
  batch.save();
  if (batch.more) ports.triggers.scheduleOnce(HANDLER.continueIntake, 60_000);
  if (recorded + review.size > 0)
    writeLog(ports, [
      {
        level: review.size ? 'warning' : 'info',
        action: 'Continuation answers',
        message: `${recorded} recorded in the Matches tab${review.size ? `; ${review.size} without a valid personal code, not counted (see the Attention tab)` : ''}.`,
      },
    ]);
  return { recorded, review: review.size };
}
