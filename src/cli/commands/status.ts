import { Command } from 'commander';
import { plural } from '../../domain/text';
import type { Emulator } from '../../emulator/Emulator';
import { programmeTimeZone, wallTime } from '../time';
import { openWorkspace } from '../workspace';

/** Rows per tab, and per value of each tab's Status column (and Role, for Applicants). */
export function statusReport(emulator: Emulator): string {
  const lines: string[] = [];
  for (const sheet of emulator.spreadsheets.active.getSheets()) {
    const name = sheet.getName();
    const values = emulator.spreadsheets.values(name);
    const headers = (values[0] ?? []).map((h) => String(h));
    const rows = values.slice(1).filter((r) => r.some((v) => v !== ''));
    lines.push(`${name}: ${plural(rows.length, 'row')}`);
    for (const column of ['Role', 'Status']) {
      const c = headers.indexOf(column);
      if (c < 0) continue;
      const counts = new Map<string, number>();
      for (const r of rows)
        counts.set(String(r[c] || '(blank)'), (counts.get(String(r[c] || '(blank)')) ?? 0) + 1);
      lines.push(`  ${column}: ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    }
  }
  const mail = emulator.mail.sent;
  lines.push(
    `Emails sent: ${mail.filter((m) => m.via === 'MailApp').length} (+ ${mail.filter((m) => m.via === 'Calendar').length} calendar invitations)`,
  );
  const now = emulator.rt.clock.now();
  lines.push(`Clock: ${wallTime(now, programmeTimeZone(emulator))} (${new Date(now).toISOString()})`);
  return lines.join('\n');
}

export function statusCommand(): Command {
  return new Command('status')
    .description('count the rows of each tab, by role and status')
    .argument('<dir>', 'the workspace folder')
    .action(async (dir: string) => {
      console.log(statusReport(await openWorkspace(dir)));
    });
}
