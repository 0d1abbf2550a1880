import { shortHash } from '../domain/fingerprint';
import type { Template } from '../domain/templates';
import { textOf, trimmedText } from '../domain/text';
import type { Ports, RowValues } from '../ports';
import { storedJson } from './storedJson';
import { TEMPLATE, templateRow, templatesTab } from './tabs';
import { updateAsOneBlock } from './write';

/**
 * What Cohort itself last put in each template's Subject and Body (a hash of the two, by template
 * key), in script properties. A row that still matches it is one the coordinator has not edited, so
 * when a new version of Cohort words that email differently, Set up programme can bring the row up
 * to date; a row that does not match is the coordinator's own wording and is never touched.
 */
export const TEMPLATES_WRITTEN = 'templates:written';

const wordingHash = (subject: unknown, body: unknown) => shortHash(`${textOf(subject)}\n\n${textOf(body)}`);

function written(ports: Pick<Ports, 'store'>): Record<string, string> {
  const parsed = storedJson<unknown>(ports.store.get(TEMPLATES_WRITTEN));
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
}

/**
 * Brings the Templates tab up to this version's wording where the coordinator left it as Cohort
 * wrote it, and refreshes every row's list of placeholders (which only Cohort writes). A row whose
 * wording Cohort has no record of is remembered when it matches today's default, and otherwise left
 * alone (it may be the coordinator's). Returns the keys of the templates reworded.
 */
export function updateTemplateWording(
  ports: Pick<Ports, 'workbook' | 'store'>,
  defaultTemplates: readonly Template[],
): string[] {
  const table = ports.workbook.read(templatesTab);
  const before = written(ports);
  const after = { ...before };
  const defaults = new Map(defaultTemplates.map((t) => [t.key, t]));
  const changes = new Map<number, RowValues>();
  const reworded: string[] = [];
  for (const row of table.rows) {
    const key = trimmedText(row.values[TEMPLATE.key]);
    const template = defaults.get(key);
    if (!template) continue;
    const current = templateRow(template);
    const change: RowValues = {};
    const now = wordingHash(row.values[TEMPLATE.subject], row.values[TEMPLATE.body]);
    const latest = wordingHash(template.subject, template.body);
    if (now !== latest && before[key] === now) {
      change[TEMPLATE.subject] = current[TEMPLATE.subject];
      change[TEMPLATE.body] = current[TEMPLATE.body];
      reworded.push(key);
    }
    if (now === latest || before[key] === now) after[key] = latest;
    if (textOf(row.values[TEMPLATE.placeholders]) !== current[TEMPLATE.placeholders])
      change[TEMPLATE.placeholders] = current[TEMPLATE.placeholders];
    if (Object.keys(change).length) changes.set(row.rowNumber, change);
  }
  updateAsOneBlock(ports, table, changes);
  if (JSON.stringify(after) !== JSON.stringify(before)) {
    try {
      ports.store.set(TEMPLATES_WRITTEN, JSON.stringify(after));
    } catch {
      // A full store (Google's 500 KB) must not stop Set up programme: without the record, a later
      // version only rewords the templates that match this one's wording.
    }
  }
  return reworded;
}
