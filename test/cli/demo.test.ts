import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { runDemo } from '../../src/cli/commands/demo';
import type { Emulator } from '../../src/emulator/Emulator';
import { TAB_ORDER } from '../../src/workflows/tabs';

let dir: string;
let emulator: Emulator;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cohort-demo-'));
  emulator = await runDemo(dir, () => undefined);
}, 120_000);

describe('npm start (the offline demo)', () => {
  it('runs every step without a failed execution', () => {
    expect(emulator.executions.filter((e) => !e.ok).map((e) => `${e.handler}: ${e.error?.message}`)).toEqual(
      [],
    );
  });

  it('leaves a workbook with every tab, readable by a standard xlsx reader', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'workbook.xlsx'));
    const tabs = workbook.worksheets.map((w) => w.name);
    expect(tabs).toEqual(
      expect.arrayContaining([
        'Settings',
        'Programme',
        'Templates',
        'Applicants',
        'Outbox',
        'Log',
        'Choices',
        'Matches',
        'CheckIns',
        'Attention',
      ]),
    );
    // Cohort's tabs in the scheme's order, then the year's anonymous summary kept by Close the
    // programme, then the forms' response tabs (the check-in and continuation forms' too, made in
    // June and October).
    const cohorts = TAB_ORDER.filter((t) => tabs.includes(t));
    expect(tabs.slice(0, cohorts.length)).toEqual(cohorts);
    expect(tabs[cohorts.length]).toBe('2025 Summary');
    expect(tabs.slice(cohorts.length + 1).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `Form Responses ${n}`));
    const matches = workbook.getWorksheet('Matches')!;
    const header = (matches.getRow(1).values as unknown[]).map(String);
    const reason = header.indexOf('Reason');
    expect(matches.rowCount).toBeGreaterThan(5);
    expect(String(matches.getRow(2).getCell(reason).value)).toMatch(/choice/);
  });

  it('acknowledges every applicant with a valid address exactly once, names intact', async () => {
    const [header = [], ...rows] = emulator.spreadsheets.values('Applicants');
    const col = (name: string) => header.map(String).indexOf(name);
    const people = rows.filter((r) => /@example\.org$/.test(String(r[col('Email')])));
    expect(people.length).toBeGreaterThan(30);
    const files = readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml'));
    const acks = await Promise.all(
      files
        .filter((f) => f.includes('thank-you-for-applying'))
        .map(async (f) => simpleParser(readFileSync(join(dir, 'outbox', f)))),
    );
    for (const person of people) {
      const email = String(person[col('Email')]);
      const role = String(person[col('Role')]).toLowerCase();
      const mine = acks.filter(
        (m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === email && m.subject?.includes(role),
      );
      expect(mine).toHaveLength(1);
      expect(mine[0]!.text).toContain(`Dear ${String(person[col('Name')])},`);
    }
  });

  it('includes decisions, choices, matching with reasons and pair announcements', () => {
    const subjects = emulator.mail.sent.filter((m) => m.via === 'MailApp').map((m) => m.subject);
    for (const subject of [
      'You have a place as a mentee',
      'You have a place as a mentor',
      'Choose your mentors',
      'Meet your mentor',
      'Meet your mentee',
    ]) {
      expect(subjects).toContain(subject);
    }
    const [header = [], ...matches] = emulator.spreadsheets.values('Matches');
    const reason = header.map(String).indexOf('Reason');
    expect(matches.length).toBeGreaterThan(10);
    for (const row of matches) expect(String(row[reason])).not.toBe('');
  });

  it('ends in December 2025 with the evaluation invitations sent and the evaluator’s export in the workspace', async () => {
    expect(new Date(emulator.rt.clock.now()).toISOString().slice(0, 7)).toBe('2025-12');
    const invited = emulator.mail.sent.filter((m) => m.subject === 'Help us evaluate the mentoring scheme');
    expect(invited.length).toBeGreaterThan(5);
    const exports = readdirSync(join(dir, 'exports')).filter((f) => f.endsWith('.xlsx'));
    expect(exports).toHaveLength(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'exports', exports[0]!));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['About', 'Participants', 'Pairs', 'Check-ins']);
    const cells: string[] = [];
    for (const ws of workbook.worksheets)
      ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    const [header = [], ...people] = emulator.spreadsheets.values('Applicants');
    const col = (name: string) => header.map(String).indexOf(name);
    for (const p of people)
      for (const needle of [p[col('Name')], p[col('Email')], p[col('Library service')]]
        .map(String)
        .filter((v) => v.length > 2))
        expect(cells.filter((c) => c.includes(needle))).toEqual([]);
    expect(emulator.spreadsheets.values('2025 Summary').length).toBeGreaterThan(5);
  });

  it('keeps in touch through the year: check-ins answered, a silent pair nudged and listed, the coach asked, the continuation question, the thank-you', async () => {
    const files = readdirSync(join(dir, 'outbox'));
    const named = (slug: string) => files.filter((f) => f.includes(slug));
    expect(named('how-is-your-mentoring-going').length).toBeGreaterThan(30);
    expect(named('have-you-been-able-to-meet')).toHaveLength(2);
    expect(named('a-one-to-one-request')).toHaveLength(1);
    expect(named('will-you-keep-meeting-after-november').length).toBeGreaterThan(20);
    const thanks = await Promise.all(
      named('thank-you-for-taking-part').map(async (f) => simpleParser(readFileSync(join(dir, 'outbox', f)))),
    );
    expect(thanks.length).toBeGreaterThan(20);
    expect(thanks.some((m) => m.text?.includes('both said you would like to keep meeting'))).toBe(true);
    expect(thanks.some((m) => m.text?.includes('ends here, with our thanks'))).toBe(true);
    const [header = [], ...checkIns] = emulator.spreadsheets.values('CheckIns');
    const status = header.map(String).indexOf('Status');
    expect(checkIns.filter((r) => r[status] === 'Answered').length).toBeGreaterThan(20);
    const [, ...attention] = emulator.spreadsheets.values('Attention');
    expect(attention.map((r) => String(r.join(' ')))).toEqual(
      expect.arrayContaining([expect.stringMatching(/Not met 49 days after the introductions/)]),
    );
    const [matchesHeader = [], ...matches] = emulator.spreadsheets.values('Matches');
    const continues = matchesHeader.map(String).indexOf('Continues after November');
    expect(matches.filter((r) => r[continues] === 'Yes').length).toBeGreaterThan(5);
  });

  it('writes the forms as JSON and a readable HTML preview', () => {
    const forms = readdirSync(join(dir, 'forms'));
    // The two application forms, the choices form, the check-in form and the continuation question.
    expect(forms.filter((f) => f.endsWith('.json'))).toHaveLength(5);
    expect(forms.filter((f) => f.endsWith('.html'))).toHaveLength(5);
  });
});
