import { evaluatorSheets } from '../../domain/close/evaluatorExport';
import { pseudonyms } from '../../domain/close/pseudonym';
import { fingerprint } from '../../domain/fingerprint';
import type { Settings } from '../../domain/settings';
import { plural, textOf } from '../../domain/text';
import type { Ports } from '../../ports';
import { readSettings, todayOf } from '../context';
import { writeLog } from '../log';
import type { MenuAction } from '../run';
import { FORMS, formsTab } from '../tabs';
import { type CohortData, exportInput, readCohort } from './cohortData';
import { type Cohort, cohortLabel, currentCohort, type ExportFile, markCohort } from './cohorts';
import { beforeFinale } from './moments';

export const EXPORT_ACTION = 'Export for the evaluator';
/** The Forms tab row that points to the export. */
export const EXPORT_ROW = 'Evaluator’s export (pseudonymised)';

/** The file's name in Drive: the programme's, so the evaluator knows which year it is. */
export const exportName = (cohort: Pick<Cohort, 'programmeName'>) =>
  `${cohort.programmeName}: evaluation data (pseudonymised)`;

/** The key pseudonyms are made with: one per cohort, made once, kept in script properties. */
function keyOf(ports: Pick<Ports, 'store' | 'tokens'>, cohort: Cohort): string {
  if (cohort.exportKey) return cohort.exportKey;
  const key = ports.tokens.random();
  markCohort(ports, cohort, { exportKey: key });
  return key;
}

export interface ExportMade {
  readonly file: ExportFile;
  readonly created: boolean;
  readonly participants: number;
  readonly pairs: number;
  readonly checkIns: number;
}

/**
 * Writes the cohort's export into its own spreadsheet: the same file every time (updated in place,
 * so a link the evaluator has keeps working), a new one only when there is none or it was deleted.
 * The file is remembered as soon as it exists, so a run cut off before writing finishes that file.
 */
export function writeEvaluatorExport(
  ports: Ports,
  cohort: Cohort,
  data: CohortData,
  today: string,
): ExportMade {
  const key = keyOf(ports, cohort);
  const input = exportInput(data, cohort, today);
  const names = pseudonyms(
    input.participants.filter((p) => p.consented).map((p) => p.id),
    (value) => ports.tokens.sign(key, value),
  );
  const sheets = evaluatorSheets(input, (id) => names.get(id) ?? '');
  const known = cohort.exportFile && ports.files.exists(cohort.exportFile.id) ? cohort.exportFile : null;
  const made = known ?? { ...ports.files.create(exportName(cohort)), madeAt: '' };
  if (!known) markCohort(ports, cohort, { exportFile: made });
  const url = ports.files.write(made.id, sheets);
  const file = { id: made.id, url, madeAt: ports.clock.now().toISOString() };
  markCohort(ports, cohort, { exportFile: file });
  const count = (name: string) => Math.max(0, (sheets.find((s) => s.name === name)?.rows.length ?? 1) - 1);
  return {
    file,
    created: !known,
    participants: count('Participants'),
    pairs: count('Pairs'),
    checkIns: count('Check-ins'),
  };
}

/** The Forms tab lists the export's link beside the forms' (one row, updated in place). */
function listInFormsTab(ports: Ports, url: string): void {
  ports.workbook.ensureTab(formsTab);
  const table = ports.workbook.read(formsTab.name);
  const values = { [FORMS.form]: EXPORT_ROW, [FORMS.link]: '', [FORMS.edit]: url, [FORMS.responses]: '' };
  const row = table.rows.find((r) => textOf(r.values[FORMS.form]) === EXPORT_ROW);
  if (!row) ports.workbook.append(table, [values]);
  else if (row.values[FORMS.edit] !== url)
    ports.workbook.update(table, [{ rowNumber: row.rowNumber, values }]);
}

interface ExportRun {
  readonly settings: Settings;
  readonly cohort: Cohort;
  readonly data: CohortData;
  readonly stop: string | null;
}

function planExport(ports: Ports): ExportRun {
  const { settings } = readSettings(ports);
  const cohort = currentCohort(ports, settings);
  const data = readCohort(ports, cohort);
  const stop =
    beforeFinale(ports, settings, EXPORT_ACTION) ??
    (cohort.erasedAt
      ? `The personal data of ${cohortLabel(cohort)} was erased on ${cohort.erasedAt.slice(0, 10)}: the export made before then is kept as it was${cohort.exportFile ? ` (${cohort.exportFile.url})` : ''}. Nothing was done.`
      : data.participants.some((p) => p.consented)
        ? null
        : 'Nobody who took part agreed to the evaluation, so there is nothing to give the evaluator. Nothing was done.');
  return { settings, cohort, data, stop };
}

function question(run: ExportRun): string {
  const agreed = run.data.participants.filter((p) => p.consented);
  const mentors = agreed.filter((p) => p.role === 'mentor').length;
  return [
    `Make the evaluator's export of ${plural(agreed.length, 'participant')} who agreed to the evaluation (${plural(mentors, 'mentor')}, ${plural(agreed.length - mentors, 'mentee')}): their role and areas, their pairs (choice rank, whether the pair ended early, whether they keep meeting) and their check-in answers.`,
    'Each person appears under a pseudonym that stays the same in every copy; the file holds no names, email addresses, library services or free text.',
    run.cohort.exportFile
      ? `The export made on ${run.cohort.exportFile.madeAt.slice(0, 10) || 'an earlier day'} is updated in place (same file, same link): ${run.cohort.exportFile.url}`
      : 'It is written to a new spreadsheet in your Google Drive, apart from this one.',
  ].join('\n\n');
}

function act(ports: Ports, run: ExportRun): string {
  const made = writeEvaluatorExport(ports, run.cohort, run.data, todayOf(ports, run.settings));
  listInFormsTab(ports, made.file.url);
  const what = `${plural(made.participants, 'participant')}, ${plural(made.pairs, 'pair')}, ${plural(made.checkIns, 'check-in answer')}`;
  writeLog(ports, [
    {
      level: 'info',
      action: EXPORT_ACTION,
      message: `Evaluator's export ${made.created ? 'made' : 'updated'} (${what}): ${made.file.url}`,
    },
  ]);
  return [
    `The evaluator's export is ${made.created ? 'ready' : 'up to date'}: ${what}.`,
    made.file.url,
    'Share it with the evaluator by name (Share → add their address, as Viewer); never "Anyone with the link". The link is also in the Forms tab.',
  ].join('\n\n');
}

/**
 * "Export for the evaluator": after the finale, a pseudonymised copy of the programme's data about
 * the participants who agreed to the evaluation, in a spreadsheet of its own (see
 * domain/close/evaluatorExport.ts for what goes in). A second click updates the same file.
 */
export const exportForEvaluatorAction: MenuAction<void, ExportRun> = {
  name: EXPORT_ACTION,
  plan: planExport,
  review: (run) =>
    run.stop
      ? { kind: 'stop', message: run.stop }
      : {
          kind: 'ask',
          question: question(run),
          fingerprint: fingerprint([run.cohort.exportFile?.id ?? '', exportInput(run.data, run.cohort, '')]),
        },
  act,
};
