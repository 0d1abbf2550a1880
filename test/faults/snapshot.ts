/**
 * The end state of a scenario run, normalised for what may legitimately differ between a run with
 * faults and one without. DECISIONS (what is left out or rewritten, and why):
 * - Timestamps written by Cohort (Outbox "Queued at"/"Sent at", Programme "Last synced", Matches
 *   "Announced on", CheckIns "Sent on", Attention "Listed on") and the
 *   Outbox "Attempts" count: a retry legitimately takes longer and tries more often.
 * - The Log tab: it records the faults themselves (errors, "already running", continuations).
 * - Coordinator alerts (`coordinator-alert:*` Outbox rows and their emails): they report a failed
 *   trigger, which only the faulty run has.
 * - Columns a coordinator added: only the columns Cohort defines are compared, by header; so the
 *   column order and blank rows do not matter either.
 * - Row order where it carries no meaning: Applicants by role + email, Outbox by key, Choices by
 *   email, Programme by key, Matches sorted; emails, events and invitations as sorted multisets.
 * - Event ids and Meet links in the Programme tab: compared as "points at this row's host event or
 *   reminder"; the Meet link a person's copy carries as "this date's room".
 * - Files Cohort made (the evaluator's export): pseudonyms as "a pseudonym", and a pair's number
 *   (given in pseudonym order, so it differs between runs) as the pair's row read without it.
 * - Personal codes in links (signed with a secret made at random in each run): compared as "this
 *   person's code"; the question number in a pre-filled link as "a question" (the emulator numbers
 *   items across forms; each form's questions are compared, by title and type, in formItems).
 * Kept exactly: every value a person reads (statuses, problems, IDs, choices, pairs and reasons,
 * email To/Subject/Body, event summary/start/end/guests/free time, whose copy, invitation method), and how many times
 * each email and invitation went.
 */
import { isDate } from '../../src/domain/dates';
import type { Emulator } from '../../src/emulator/Emulator';
import type { TabSpec } from '../../src/ports';
import { attentionTab, CHECK_IN, checkInsTab } from '../../src/workflows/keepInTouch/tabs';
import {
  applicantsTab,
  choicesTab,
  formsTab,
  matchesTab,
  outboxTab,
  PROGRAMME,
  programmeTab,
} from '../../src/workflows/tabs';

type Row = Record<string, string>;

const text = (v: unknown) => (isDate(v) ? v.toISOString() : String(v ?? ''));

/** A tab's data rows by header, only the columns the spec defines, minus `omit`. Blank rows skipped. */
function tabRows(emulator: Emulator, spec: TabSpec, omit: readonly string[] = []): Row[] {
  const names = emulator.spreadsheets.active.doc.sheets.map((s) => s.name);
  if (!names.includes(spec.name)) return [];
  const [header = [], ...data] = emulator.spreadsheets.values(spec.name);
  const headers = header.map((h) => String(h).trim());
  const wanted = spec.columns.map((c) => c.header).filter((h) => !omit.includes(h));
  return data
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(wanted.map((h) => [h, text(r[headers.indexOf(h)])])));
}

function byKey(rows: Row[], key: (r: Row) => string): Record<string, Row | Row[]> {
  const out: Record<string, Row | Row[]> = {};
  for (const r of rows) {
    const k = key(r);
    const before = out[k];
    // A key seen twice is kept as a list: a duplicate row is itself a difference worth seeing.
    out[k] = before === undefined ? r : [...(Array.isArray(before) ? before : [before]), r];
  }
  return out;
}

const sorted = (xs: string[]) => [...xs].sort();

/**
 * A file Cohort made, tab by tab as sorted rows. Pseudonyms are keyed hashes under a secret each run
 * draws afresh: compared as "a pseudonym". The evaluator's export numbers its pairs in pseudonym order,
 * so a number (the Pairs tab's first column, a check-in's second) is compared as the pair it names.
 */
function fileShape(
  emulator: Emulator,
  fileId: string,
  file: { doc: { sheets: Array<{ name: string }> } },
): Record<string, string[]> {
  const rows = (name: string) =>
    emulator.spreadsheets
      .valuesOf(fileId, name)
      .map((row) =>
        row.map((v) => (typeof v === 'string' ? v.replace(/P-[A-Z0-9]{10}/g, 'P-<pseudonym>') : v)),
      );
  const pairTab = file.doc.sheets.some((s) => s.name === 'Pairs') ? rows('Pairs') : [];
  const pairOf = new Map(pairTab.slice(1).map((row) => [String(row[0]), JSON.stringify(row.slice(1))]));
  const numberless = (name: string, row: unknown[]): unknown[] => {
    if (name === 'Pairs' && pairOf.has(String(row[0]))) return ['<pair>', ...row.slice(1)];
    if (name === 'Check-ins' && row[1] !== '' && pairOf.has(String(row[1])))
      return [row[0], pairOf.get(String(row[1])), ...row.slice(2)];
    return row;
  };
  return Object.fromEntries(
    file.doc.sheets.map((s) => [
      s.name,
      sorted(rows(s.name).map((row) => JSON.stringify(numberless(s.name, row)))),
    ]),
  );
}

export interface Snapshot {
  readonly applicants: Record<string, Row | Row[]>;
  readonly outbox: Record<string, Row | Row[]>;
  readonly choices: Record<string, Row | Row[]>;
  readonly matches: Row[];
  readonly programme: Record<string, Row | Row[]>;
  readonly forms: Record<string, Row | Row[]>;
  readonly checkIns: Record<string, Row | Row[]>;
  readonly attention: Record<string, Row | Row[]>;
  readonly tabs: string[];
  /** Each form's questions (title and type), by form title. */
  readonly formItems: Record<string, string[]>;
  /** Which forms still take responses (Close the programme stops them), by form title. */
  readonly accepting: Record<string, boolean>;
  /** The spreadsheets the script made (the evaluator's export): each tab's rows. */
  readonly files: Record<string, Record<string, string[]>>;
  readonly emails: string[];
  readonly calendars: number;
  readonly events: string[];
  readonly invitations: string[];
}

const ALERT_SUBJECT = /^Cohort needs your attention/;

/**
 * A personal code in a link, as "this person's code" (a check-in's or a continuation link's names
 * the partner and the round too: 'ME-001%3AMR-002%3A1.…').
 */
export const samePerson = (text: string) =>
  text
    .replace(/(M[RE]-\d{3}(?:(?:%3A|:)(?:M[RE]-\d{3}|\d+))*)\.[A-Za-z0-9_-]{22}/g, '$1.<personal code>')
    // The emulator numbers items across all forms: one made again after a cut-off shifts the
    // numbers of later forms' questions (each form's questions are compared in formItems).
    .replace(/entry\.\d+=/g, 'entry.<question>=');

export function snapshot(emulator: Emulator): Snapshot {
  const events = emulator.calendar.events();
  const ours = (e: (typeof events)[number], name: string) => e.extendedProperties?.private?.[name] ?? '';
  const isMain = (e: (typeof events)[number]) => ['host', 'reminder'].includes(ours(e, 'cohortPerson'));
  /** The Meet link of each date's host event, by programme key. */
  const rooms = new Map(
    events
      .filter((e) => ours(e, 'cohortPerson') === 'host')
      .map((e) => [ours(e, 'cohortKey'), e.hangoutLink]),
  );
  const programme = tabRows(emulator, programmeTab, [PROGRAMME.lastSynced]).map((r) => {
    const event = events.find((e) => e.id === r[PROGRAMME.eventId]);
    // The row points at its date's host event or reminder (never at a person's copy).
    const points = event !== undefined && ours(event, 'cohortKey') === r[PROGRAMME.key] && isMain(event);
    return {
      ...r,
      [PROGRAMME.eventId]: r[PROGRAMME.eventId] === '' ? '' : points ? 'this row’s event' : 'wrong event',
      [PROGRAMME.meetLink]:
        r[PROGRAMME.meetLink] === ''
          ? ''
          : r[PROGRAMME.meetLink] === event?.hangoutLink
            ? 'this event’s link'
            : 'wrong link',
    };
  });
  const made = new Set(emulator.spreadsheets.createdFiles().map((f) => f.id));
  return {
    applicants: byKey(tabRows(emulator, applicantsTab), (r) => `${r.Role}|${r.Email}`),
    outbox: byKey(
      tabRows(emulator, outboxTab, ['Attempts', 'Queued at', 'Sent at'])
        .filter((r) => !r.Key?.startsWith('coordinator-alert:'))
        .map((r) => ({ ...r, Body: samePerson(r.Body ?? ''), Links: samePerson(r.Links ?? '') })),
      (r) => r.Key ?? '',
    ),
    choices: byKey(tabRows(emulator, choicesTab), (r) => r['Mentee email'] ?? ''),
    // "Announced on" is when Cohort wrote it: a recovery legitimately writes it a little later.
    matches: tabRows(emulator, matchesTab, ['Announced on']).sort((a, b) =>
      JSON.stringify(a).localeCompare(JSON.stringify(b)),
    ),
    programme: byKey(programme, (r) => r[PROGRAMME.key] ?? ''),
    // A spreadsheet's id is drawn afresh each run: the export's link is compared as "the file made".
    forms: byKey(
      tabRows(emulator, formsTab).map((r) => ({
        ...r,
        'Edit link': (r['Edit link'] ?? '').replace(/\/spreadsheets\/d\/([^/]+)/, (_, id: string) =>
          made.has(id) ? '/spreadsheets/d/<the file made>' : '/spreadsheets/d/<another file>',
        ),
      })),
      (r) => r.Form ?? '',
    ),
    checkIns: byKey(
      tabRows(emulator, checkInsTab, [CHECK_IN.sentOn]),
      (r) => `${r[CHECK_IN.personId]}|${r[CHECK_IN.pair]}|${r[CHECK_IN.round]}|${r[CHECK_IN.status]}`,
    ),
    attention: byKey(tabRows(emulator, attentionTab, ['Listed on']), (r) => r.Key ?? ''),
    tabs: sorted(emulator.spreadsheets.active.doc.sheets.map((s) => s.name)),
    formItems: Object.fromEntries(
      emulator.forms
        .list()
        .map((f) => [
          f.title || f.fileName,
          (emulator.forms.data(f.id)?.items ?? []).map((i) => `${i.type} ${JSON.stringify(i.title)}`),
        ]),
    ),
    accepting: Object.fromEntries(
      emulator.forms
        .list()
        .map((f) => [f.title || f.fileName, emulator.forms.data(f.id)?.acceptingResponses ?? false]),
    ),
    files: Object.fromEntries(
      emulator.spreadsheets.createdFiles().map((f) => [f.name, fileShape(emulator, f.id, f.file)]),
    ),
    emails: sorted(
      emulator.mail.sent
        .filter((m) => m.via === 'MailApp' && !ALERT_SUBJECT.test(m.subject))
        .map((m) => `${m.to.join(',')}\n${m.subject}\n${samePerson(m.body)}`),
    ),
    calendars: emulator.calendar.calendars().length,
    events: sorted(
      events.map((e) =>
        JSON.stringify({
          summary: e.summary,
          start: e.start,
          end: e.end,
          guests: sorted((e.attendees ?? []).map((a) => a.email ?? '')),
          person: isMain(e) ? ours(e, 'cohortPerson') : 'a person’s copy',
          free: e.transparency === 'transparent',
          // A copy carries its date's one Meet room as text: compared as "this date's room".
          location: !e.location
            ? ''
            : e.location === rooms.get(ours(e, 'cohortKey'))
              ? 'this date’s room'
              : 'another link',
        }),
      ),
    ),
    invitations: sorted(
      emulator.mail.sent
        .filter((m) => m.via === 'Calendar')
        .map((m) => `${m.to.join(',')} ${m.calendar?.method ?? ''} ${m.subject}`),
    ),
  };
}
