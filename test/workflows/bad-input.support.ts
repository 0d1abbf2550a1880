/**
 * Shared pieces of the bad-input property suites (bad-input.*.test.ts): sizing, generators of hostile
 * text, and the checks every batch must pass. Answers are generated with a verdict: `bad` when the
 * scheme's rules must flag it in the Problems column, otherwise acceptable (however messy).
 */
import fc from 'fast-check';
import type { Emulator } from '../../src/emulator/Emulator';
import { rows } from '../support/cohort';

/** Total responses per suite: CI default, `COHORT_TRIALS=nightly` (×20) or an explicit number. */
export function trialBudget(ciDefault: number): number {
  const raw = (process.env.COHORT_TRIALS ?? '').trim().toLowerCase();
  if (raw === 'nightly') return ciDefault * 20;
  const n = Number(raw);
  return raw !== '' && Number.isInteger(n) && n > 0 ? n : ciDefault;
}

/** A fixed seed unless COHORT_SEED says otherwise, so a CI failure can be replayed. */
export const SEED = Number(process.env.COHORT_SEED ?? 20250324);

/** What a respondent's (old, unchecked) form copy can send for one question; undefined = left out. */
export type Raw = string | string[] | number | undefined;
export type Answer = { value: Raw; bad: boolean };

export const good = (value: Raw): Answer => ({ value, bad: false });
export const bad = (value: Raw): Answer => ({ value, bad: true });

/** Names that must survive every step intact (NFC), from the scheme's own nations and beyond. */
export const NAMES = [
  'Siân ap Dafydd',
  'Llŷr Gruffydd',
  'Seán Ó Briain',
  'Mairéad Ní Bhriain',
  'Zoë Brontë',
  'Chloë Øvergård',
  'Ådne Ødegård',
  'Nguyễn Thị Minh Khai',
  '王芳',
  'محمد الأحمد',
  'Dafydd 🐉 Jones',
  'Aoife 👩🏽‍💻 Ní Dhomhnaill',
] as const;

/** Words of many scripts: Latin with diacritics, Greek, Cyrillic, Hebrew, Arabic, Devanagari, CJK… */
const WORDS = [
  'Gwynedd',
  'Ceredigion',
  'Ynys Môn',
  'Dún Laoghaire',
  'Ελένη',
  'Дмитрий',
  'שָׁלוֹם',
  'مكتبة',
  'पुस्तकालय',
  '图书馆',
  '図書館',
  '도서관',
  'ไทย',
  'ქართული',
  'Ꭰꮳꮃ',
  'ᚠᚢᚦ',
  '𝔉𝔯𝔞𝔨𝔱𝔲𝔯',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇬🇧',
  'e\u0301te\u0301', // decomposed: NFC makes it "été"
];

/** Text that is hostile to sheets and HTML. Every entry has visible letters. */
const HOSTILE = [
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  '<b>bold</b> & "quoted" \'single\'',
  '</p><a href="https://evil.example">click</a>',
  '=HYPERLINK("https://evil.example","click")',
  '=1+1',
  '+44 7700 900123',
  '-2+3',
  '@SUM(A1:A2)',
  ' =IMPORTXML("https://x","//a")',
  "\t=cmd|' /C calc'!A0",
  '\u202Eevil\u202C text',
  '\u2067rtl isolate\u2069',
  'null',
  'undefined',
  '[object Object]',
  'TRUE',
  '0',
  '{{name}}',
  '%s %d',
];

/** Decorations the cleaning removes or collapses: controls, zero-width, padding. */
const NOISE = [
  '',
  ' ',
  '  \t ',
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u00A0',
  '\u200B',
  '\uFEFF',
  '\u202E',
  '\r\n',
  '\u2028',
];

export const noise = fc.constantFrom(...NOISE);

/** A visible piece of text: a name, a word of some script, hostile text, or random Unicode letters. */
export const visiblePiece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  {
    weight: 2,
    arbitrary: fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
      .filter((s) => /[\p{L}\p{N}]/u.test(s)),
  },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).map((s) => `x${s}`),
  },
);

/** Short text with visible content, wrapped in noise; at most `max` UTF-16 units. */
export function visibleText(max = 150): fc.Arbitrary<string> {
  return fc
    .tuple(noise, fc.array(visiblePiece, { minLength: 1, maxLength: 3 }), noise, noise)
    .map(([a, pieces, b, c]) => `${a}${pieces.join(b || ' ')}${c}`)
    .filter((s) => s.length <= max);
}

/** Text with nothing visible: empty, whitespace, controls, zero-width characters. */
export const invisibleText = fc.array(noise, { maxLength: 4 }).map((parts) => parts.join(''));

/** Text longer than `limit` characters of visible content (a paste gone wrong). */
export function hugeText(limit: number, maxExtra: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: limit + 10, max: limit + maxExtra }),
      fc.constantFrom('a', 'é', 'ŵ', '王', '🐉 ', '<b>', '= '),
    )
    .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n + 5));
}

/** Answers keyed by question title, as forms.submit takes them (numbers pass through as String). */
export function toSubmit(answers: Record<string, Answer>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [title, a] of Object.entries(answers)) {
    if (a.value === undefined) continue;
    out[title] = (typeof a.value === 'number' ? a.value : a.value) as string | string[];
  }
  return out;
}

/** A value a coordinator reads: the neutralising apostrophe Sheets keeps in a plain-text cell is not part of it. */
export function text(value: unknown): string {
  const s = value instanceof Date ? value.toISOString() : String(value ?? '');
  return /^'\s*[=+\-@]/.test(s) ? s.slice(1) : s;
}

/** The lines of a Problems cell. */
export const problemLines = (cell: unknown): string[] =>
  text(cell)
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);

/** A problem "in words": starts with a capital letter, has words, no stack trace or JS leftovers. */
export function isInWords(problem: string): boolean {
  return (
    /^[A-Z]/.test(problem) &&
    /[a-z]{3,} [a-z]{2,}/i.test(problem) &&
    !/\bat .*\.(js|ts):\d+/.test(problem) &&
    !/^(TypeError|ReferenceError|RangeError|Error):/.test(problem)
  );
}

/** Failures of the batch-wide properties: every execution ok, no formula, HTML escaped. */
export function batchFailures(emulator: Emulator, since: number): string[] {
  const out: string[] = [];
  for (const ex of emulator.executions.slice(since)) {
    if (!ex.ok) out.push(`execution ${ex.handler} failed: ${ex.error?.message ?? 'killed'}`);
  }
  for (const f of emulator.spreadsheets.formulaCells())
    out.push(`formula in ${f.sheet}!${f.a1}: ${f.formula}`);
  for (const mail of emulator.mail.sent) {
    if (mail.via !== 'MailApp' || mail.htmlBody === undefined) continue;
    const tags = [...mail.htmlBody.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]?.toLowerCase());
    const foreign = tags.filter((t) => t !== 'p' && t !== 'br' && t !== 'a');
    if (foreign.length > 0) out.push(`mail to ${mail.to.join(',')} has raw tags ${foreign.join(',')}`);
    const dear = /^Dear (.*),$/m.exec(mail.body);
    if (dear?.[1] && !mail.htmlBody.includes(`Dear ${linked(htmlEscaped(dear[1]))},`))
      out.push(
        `mail to ${mail.to.join(',')}: the name ${JSON.stringify(dear[1])} is not escaped in the HTML: ${mail.htmlBody.slice(0, 300)}`,
      );
    if (dear?.[1]?.includes('<') && mail.htmlBody.includes(dear[1]))
      out.push(`mail to ${mail.to.join(',')}: raw name ${JSON.stringify(dear[1])} in the HTML`);
  }
  return out;
}

/**
 * Emails make Google's own links (forms, Sheet, Meet) clickable and nothing else; this mirrors that
 * rule so the escaping check still bites on names that contain such a link.
 */
export function linked(escaped: string): string {
  return escaped.replace(
    /https:\/\/(?:docs\.google\.com|forms\.gle|meet\.google\.com)\/[^\s<&]+/g,
    (url) => `<a href="${url}">${url}</a>`,
  );
}

/** The test's own HTML escaping, written independently of src/domain/text.ts. */
export function htmlEscaped(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Every row of a tab keyed by header, with the coordinator's view of each value. */
export function tab(emulator: Emulator, name: string): Array<Record<string, unknown>> {
  return rows(emulator, name);
}

/** The timestamps (ISO) of a response tab's rows, in order. */
export function responseStamps(emulator: Emulator, tabName: string): string[] {
  return rows(emulator, tabName).map((r) => {
    const t = r.Timestamp;
    return t instanceof Date ? t.toISOString() : String(t);
  });
}

/**
 * Runs fast-check over `runs` cohorts with the suite's seed. A failure reports the seed, the path and
 * the broken properties, not the (huge) generated batch: replay with COHORT_SEED to see it.
 */
export function check<T>(arb: fc.Arbitrary<T>, runs: number, property: (value: T) => void): void {
  const details = fc.check(
    fc.property(arb, (v) => {
      property(v);
    }),
    { numRuns: runs, seed: SEED, endOnFailure: true },
  );
  if (details.failed) {
    const cause =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `property failed (seed ${details.seed}, path "${details.counterexamplePath}") after ${details.numRuns} cohort(s):\n${cause}`,
    );
  }
}
