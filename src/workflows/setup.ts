import { ALLOWED_PLACEHOLDERS, DEFAULT_TEMPLATES } from '../domain/default-templates';
import { applicationForm } from '../domain/forms/spec';
import { SETTING_FIELDS } from '../domain/settings';
import type { Ports, RowValues, TabRepair } from '../ports';
import { formRef, readSettings, saveFormRef } from './context';
import { HANDLER } from './handlers';
import { writeLog } from './log';
import {
  applicantsTab,
  FORMS,
  formsTab,
  logTab,
  outboxTab,
  programmeTab,
  SETTING,
  settingsTab,
  TEMPLATE,
  templateRow,
  templatesTab,
} from './tabs';

export interface SetupReport {
  readonly tabs: Record<string, TabRepair>;
  readonly forms: Record<'mentor' | 'mentee', { url: string; created: boolean }>;
  readonly trigger: 'created' | 'existing' | 'repaired';
  readonly added: readonly string[];
}

/** Adds the rows a tab must have (settings, templates) that a coordinator deleted; keeps every edit. */
function addMissingRows(
  ports: Ports,
  tab: string,
  keyHeader: string,
  wanted: readonly RowValues[],
): string[] {
  const table = ports.workbook.read(tab);
  const have = new Set(table.rows.map((r) => String(r.values[keyHeader] ?? '').trim()));
  const missing = wanted.filter((row) => !have.has(String(row[keyHeader])));
  ports.workbook.append(table, missing);
  return missing.map((row) => `${tab}: ${String(row[keyHeader])}`);
}

/**
 * "Set up programme": creates what is missing and repairs what was damaged, never duplicates: the
 * tabs, the mentor and mentee application forms (linked to this spreadsheet), exactly one
 * form-submit trigger. Running it twice changes nothing.
 */
export function setUpProgramme(ports: Ports): SetupReport {
  const tabs: Record<string, TabRepair> = {};
  for (const spec of [settingsTab, programmeTab, templatesTab, applicantsTab, outboxTab, formsTab, logTab]) {
    tabs[spec.name] = ports.workbook.ensureTab(spec);
  }
  const added = [
    ...(tabs[settingsTab.name] === 'created'
      ? []
      : addMissingRows(
          ports,
          settingsTab.name,
          SETTING.key,
          settingsTab.seed!.filter((r) => SETTING_FIELDS.some((f) => f.key === r[SETTING.key])),
        )),
    ...(tabs[templatesTab.name] === 'created'
      ? []
      : addMissingRows(
          ports,
          templatesTab.name,
          TEMPLATE.key,
          DEFAULT_TEMPLATES.filter((t) => ALLOWED_PLACEHOLDERS[t.key]).map(templateRow),
        )),
  ];
  const { settings } = readSettings(ports);
  const forms = {} as SetupReport['forms'];
  for (const role of ['mentor', 'mentee'] as const) {
    const spec = applicationForm(role, { programmeName: settings.programmeName });
    const ref = ports.forms.ensureForm(spec, formRef(ports, role));
    saveFormRef(ports, role, ref);
    forms[role] = { url: ref.publishedUrl, created: ref.created };
  }
  writeFormsTab(ports);
  const trigger = ports.triggers.ensureFormSubmit(HANDLER.formSubmit);
  const changed = Object.entries(tabs).filter(([, r]) => r !== 'unchanged');
  writeLog(ports, [
    {
      level: 'info',
      action: 'Set up programme',
      message:
        `Tabs: ${changed.length ? changed.map(([t, r]) => `${t} ${r}`).join(', ') : 'all present'}. ` +
        `Forms: mentor ${forms.mentor.created ? 'created' : 'kept'}, mentee ${forms.mentee.created ? 'created' : 'kept'}. ` +
        `Form trigger: ${trigger}.${added.length ? ` Restored: ${added.join(', ')}.` : ''}`,
    },
  ]);
  return { tabs, forms, trigger, added };
}

/** The Forms tab lists every form's link to share; rewritten from the stored references. */
export function writeFormsTab(ports: Ports): void {
  ports.workbook.ensureTab(formsTab);
  const table = ports.workbook.read(formsTab.name);
  const labels = {
    mentor: 'Mentor application',
    mentee: 'Mentee application',
    choices: 'Mentor choices',
  } as const;
  const rowsByForm = new Map(table.rows.map((r) => [String(r.values[FORMS.form]), r]));
  const changes = [];
  const appends: RowValues[] = [];
  for (const key of ['mentor', 'mentee', 'choices'] as const) {
    const ref = formRef(ports, key);
    if (!ref) continue;
    const values = {
      [FORMS.form]: labels[key],
      [FORMS.link]: ref.publishedUrl,
      [FORMS.edit]: ref.editUrl,
      [FORMS.responses]: ref.responseTab,
    };
    const existing = rowsByForm.get(labels[key]);
    if (!existing) appends.push(values);
    else if (Object.entries(values).some(([h, v]) => existing.values[h] !== v))
      changes.push({ rowNumber: existing.rowNumber, values });
  }
  ports.workbook.update(table, changes);
  ports.workbook.append(table, appends);
}

/** What the coordinator reads after set-up. */
export function setupSummary(report: SetupReport): string {
  const created = Object.entries(report.tabs)
    .filter(([, r]) => r === 'created')
    .map(([t]) => t);
  const repaired = Object.entries(report.tabs)
    .filter(([, r]) => r === 'repaired')
    .map(([t]) => t);
  const lines = [
    created.length ? `Created tabs: ${created.join(', ')}.` : 'All tabs were already there.',
    repaired.length ? `Repaired tabs (missing columns added): ${repaired.join(', ')}.` : '',
    report.added.length ? `Restored rows: ${report.added.join(', ')}.` : '',
    `Mentor application form: ${report.forms.mentor.url}`,
    `Mentee application form: ${report.forms.mentee.url}`,
    'Share these two links with applicants (they are also in the Forms tab).',
    report.trigger === 'created' ? 'New applications will now appear in the Applicants tab.' : '',
    report.trigger === 'repaired'
      ? 'A duplicate form trigger was removed (it would have processed each application twice).'
      : '',
  ];
  return lines.filter(Boolean).join('\n');
}
