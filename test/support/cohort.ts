/**
 * Bundle-test helpers: a fresh emulator running dist/Code.js (the file that ships), and the moves a
 * coordinator or an applicant makes, in their words.
 */
import { join } from 'node:path';
import { editRows, setSettings } from '../../src/cli/coordinator';
import { applicationForm, CONSENT_AGREE, EVALUATION_YES } from '../../src/domain/forms/spec';
import type { Role } from '../../src/domain/status';
import { Emulator, type EmulatorOptions, type ExecutionResult } from '../../src/emulator/Emulator';
import { pushedFiles } from '../../src/emulator/project/pushedFiles';

/** What clasp would push (dist/apps-script/, read the way clasp reads it): what the tests run. */
export const PROJECT = pushedFiles(join(__dirname, '..', '..', '.clasp.json'));
export const SCHEME_START = Date.UTC(2025, 2, 24, 9, 0, 0);
export const DAY = 86_400_000;

export function newCohort(options: Partial<EmulatorOptions> = {}): Emulator {
  const emulator = new Emulator({ now: SCHEME_START, mailQuota: 1500, ...options }).loadProject(PROJECT);
  emulator.run('onOpen', { authMode: 'LIMITED' }, 'simple-trigger');
  return emulator;
}

/** Clicks a Mentoring menu item by its caption. */
export function click(emulator: Emulator, caption: string): ExecutionResult {
  const item = emulator.spreadsheets
    .menus()
    .flatMap((m) => m.items)
    .find((i) => i !== 'separator' && i.caption === caption);
  if (!item || item === 'separator') throw new Error(`no menu item ${caption}`);
  const result = emulator.run(item.functionName, undefined, 'menu');
  if (!result.ok && !result.killed) throw result.error ?? new Error(`${caption} failed`);
  return result;
}

/** "Set up programme", then the coordinator fills in their name and reply-to address. */
export function setUp(emulator: Emulator): Emulator {
  click(emulator, 'Set up programme');
  settings(emulator, COORDINATOR);
  return emulator;
}

export function formId(
  emulator: Emulator,
  key: 'mentor' | 'mentee' | 'choices' | 'check-in' | 'continuation',
): string {
  const raw = emulator.properties.stores.script.values.get(`form:${key}`);
  if (!raw) throw new Error(`no ${key} form`);
  return (JSON.parse(raw) as { id: string }).id;
}

export interface Applicant {
  name: string;
  email: string;
  libraryService?: string;
  nation?: string;
  areas?: string[];
  capacity?: number;
}

/** Answers keyed by question title, as the applicant fills in the form. */
export function answers(
  role: Role,
  who: Applicant,
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {
    name: who.name,
    email: who.email,
    libraryService: who.libraryService ?? 'Aberwen Libraries',
    nation: who.nation ?? 'Wales',
    currentRole: 'Head of Service',
    areas: who.areas ?? ['Budgeting'],
    capacity: String(who.capacity ?? 1),
    statement: 'I would like to take part.',
    consentData: CONSENT_AGREE,
    consentEvaluation: EVALUATION_YES,
  };
  const out: Record<string, string | string[]> = {};
  for (const item of applicationForm(role).items)
    if (values[item.key] !== undefined) out[item.title] = values[item.key]!;
  return { ...out, ...overrides };
}

export function apply(
  emulator: Emulator,
  role: Role,
  who: Applicant,
  options: { unchecked?: boolean; overrides?: Record<string, string | string[]> } = {},
): ExecutionResult[] {
  const submission = emulator.forms.submit(formId(emulator, role), answers(role, who, options.overrides), {
    unchecked: options.unchecked,
  });
  if (!submission) throw new Error('form not linked');
  return emulator.deliverFormSubmit(submission);
}

/** A tab's rows as objects keyed by header. */
export function rows(emulator: Emulator, tab: string): Array<Record<string, unknown>> {
  const [header = [], ...data] = emulator.spreadsheets.values(tab);
  return data
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

export function mailTo(emulator: Emulator, email: string) {
  return emulator.mail.sent.filter((m) => m.to.some((t) => t.toLowerCase().includes(email.toLowerCase())));
}

/** Sets a column of the rows matching `where`, as the coordinator edits the Sheet. */
export function edit(
  emulator: Emulator,
  tab: string,
  where: (row: Record<string, unknown>) => boolean,
  set: Record<string, unknown>,
): number {
  return editRows(emulator, tab, (row) => (where(row) ? set : null));
}

/** Service calls of one execution whose names start with one of the prefixes. */
export function calls(result: ExecutionResult, ...prefixes: string[]): number {
  let n = 0;
  for (const [name, c] of result.calls) if (prefixes.some((p) => name.startsWith(p))) n += c;
  return n;
}

/** Sets Settings values by key, as the coordinator types them into the Value column. */
export const settings = setSettings;

export const COORDINATOR = { coordinatorName: 'Rhian Evans', coordinatorEmail: 'rhian.evans@example.org' };

export interface Person {
  id: string;
  role: 'Mentor' | 'Mentee';
  status: string;
  name: string;
  email: string;
  /** Problems in words, one per line ('' or absent: none). */
  problems?: string;
}

/**
 * Types rows into a tab below its last non-empty one, as a coordinator would, each by header (other
 * columns left empty); blank rows above are dropped.
 */
export function appendRows(
  emulator: Emulator,
  tab: string,
  rows: ReadonlyArray<Readonly<Record<string, string | number>>>,
): void {
  emulator.spreadsheets.editSheet(tab, (values) => {
    const header = (values[0] ?? []).map(String);
    const data = values.slice(1).filter((r) => r.some((v) => v !== ''));
    return [values[0] ?? [], ...data, ...rows.map((row) => header.map((h) => row[h] ?? ''))];
  });
}

/**
 * Writes applicants straight into the Applicants tab (as if intake had run), for tests that need
 * many people quickly. Only the columns given are filled.
 */
export function addApplicants(emulator: Emulator, people: readonly Person[]): void {
  appendRows(
    emulator,
    'Applicants',
    people.map((p) => ({
      ID: p.id,
      Role: p.role,
      Status: p.status,
      Name: p.name,
      Email: p.email,
      Problems: p.problems ?? '',
    })),
  );
}

/** `n` people of a role, e.g. people('Mentee', 3, 'Selected') → ME-001…ME-003 (me1@example.org …). */
export function people(role: 'Mentor' | 'Mentee', n: number, status = 'Selected', from = 1): Person[] {
  const prefix = role === 'Mentor' ? 'MR' : 'ME';
  return Array.from({ length: n }, (_, i) => {
    const k = from + i;
    return {
      id: `${prefix}-${String(k).padStart(3, '0')}`,
      role,
      status,
      name: `${role} ${k}`,
      email: `${prefix.toLowerCase()}${k}@example.org`,
    };
  });
}
