import { summaryRows } from '../../domain/close/summary';
import { parseRole } from '../../domain/status';
import { textOf, trimmedText } from '../../domain/text';
import type { Ports, TabSpec } from '../../ports';
import { CHECK_IN } from '../keepInTouch/tabs';
import { outboxStatus } from '../outbox/queue';
import { peopleOf } from '../people';
import { APPLICANT, MATCH, OUTBOX, TAB, TAB_ORDER } from '../tabs';
import { type CohortData, cohortTab } from './cohortData';
import type { Cohort } from './cohorts';
import { isIntroduced } from './participants';

/** "2025 Summary": the anonymous counts a cohort keeps once its personal data is gone. */
export const summaryTabName = (cohort: Pick<Cohort, 'year'>) => `${cohort.year} Summary`;

const COLUMNS = ['Count', 'Mentors', 'Mentees', 'Total'] as const;

/**
 * Writes (or rewrites, row by row in place) the cohort's summary tab. Only counts: it stays when the
 * cohort's personal data is erased, as the record of what the programme did.
 */
export function keepSummary(ports: Ports, cohort: Cohort, data: CohortData, today: string): string {
  const consent = new Map(
    (data.applicants?.rows ?? []).map((r) => [
      r.rowNumber,
      trimmedText(r.values[APPLICANT.consentEvaluation]).toLowerCase() === 'yes',
    ]),
  );
  const outbox = cohortTab(ports, cohort, TAB.outbox);
  const rows = summaryRows({
    programmeName: cohort.programmeName,
    madeOn: today,
    people: data.applicants
      ? peopleOf(data.applicants).map((p) => ({
          role: p.role,
          status: p.status,
          consented: consent.get(p.rowNumber) === true,
        }))
      : [],
    pairs: (data.matches?.rows ?? []).map((r) => ({
      introduced: isIntroduced(r.values[MATCH.status]),
      endedEarly: trimmedText(r.values[MATCH.status]).toLowerCase() === 'ended',
    })),
    emailsSent: (outbox?.rows ?? []).filter((r) => outboxStatus(r.values[OUTBOX.status]) === 'sent').length,
    checkIns: (data.checkIns?.rows ?? []).flatMap((r) => {
      const status = trimmedText(r.values[CHECK_IN.status]);
      const role = parseRole(r.values[CHECK_IN.role]);
      return status === 'Needs review' || !role ? [] : [{ role, answered: status === 'Answered' }];
    }),
  });
  const [, ...body] = rows;
  const spec: TabSpec = {
    name: summaryTabName(cohort),
    // After Cohort's own tabs (the last of them nearest): a record kept once the year is over.
    after: [...TAB_ORDER].reverse(),
    columns: COLUMNS.map((header, i) => ({ header, width: i === 0 ? 280 : 90 })),
  };
  ports.workbook.ensureTab(spec);
  const table = ports.workbook.read(spec.name);
  const byLabel = new Map(table.rows.map((r) => [textOf(r.values.Count), r]));
  const values = (row: Array<string | number>) =>
    Object.fromEntries(COLUMNS.map((h, i) => [h, row[i] ?? '']));
  const changes = body.flatMap((row) => {
    const existing = byLabel.get(String(row[0]));
    return existing && String(row[0]) !== '' ? [{ rowNumber: existing.rowNumber, values: values(row) }] : [];
  });
  ports.workbook.update(table, changes);
  ports.workbook.append(
    table,
    body.filter((row) => String(row[0]) !== '' && !byLabel.has(String(row[0]))).map(values),
  );
  return spec.name;
}
