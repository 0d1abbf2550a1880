/**
 * Making text that came from a person safe to store, show and mail, and counting things in Cohort's
 * own sentences. Pure string functions that run in Apps Script's V8 (no Intl, no Node).
 */

/** "1 email", "3 emails"; `many` for a plural that is not `one` + s ("2 replies"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A value that starts with = + - or @ (after any leading spaces, tabs or line breaks) would be read
 * by Sheets as a formula. Prefixing an apostrophe makes Sheets store it as literal text; the
 * apostrophe is not shown in the cell and `getValue()` returns the text without it.
 */
export function neutraliseFormula(s: string): string {
  return /^\s*[=+\-@]/.test(s) ? `'${s}` : s;
}

/**
 * Google Sheets refuses a cell over 50,000 characters, and with it the whole write ("Your input
 * contains more than the maximum of 50000 characters in a single cell."). Cohort's own values are
 * bounded far below this; this is the last guard, so no write can ever fail on it.
 */
export const MAX_CELL_CHARS = 50_000;

/** `text`, cut to fit a cell with a note of what was cut (unchanged when it fits). */
export function fitCell(text: string, max = MAX_CELL_CHARS): string {
  if (text.length <= max) return text;
  const note = (n: number) => ` … [${n} more characters cut by Cohort]`;
  const keep = max - note(text.length).length;
  return text.slice(0, keep) + note(text.length - keep);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes the five characters that matter in HTML text and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

// C0 controls except tab/LF/CR (handled as whitespace), DEL, C1 controls, bidi embeddings/overrides/
// isolates (they can make a name display as something else), the BOM and zero-width space. Joiners
// (U+200C/U+200D) stay: several scripts and emoji need them.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Work on at most this much of any input: a sheet cell holds at most 50,000 characters anyway. */
const MAX_INPUT = 100_000;

export type CleanedText = { text: string; shortened: boolean };

/** Cuts to at most `max` UTF-16 units without splitting an emoji or other surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s.charAt(max - 1)) ? max - 1 : max;
  return s.slice(0, Math.max(0, end));
}

/**
 * Tidies text a person typed: invisible and control characters removed, broken surrogates replaced
 * by U+FFFD, Unicode NFC (so "Siân" typed two ways compares equal), whitespace collapsed, trimmed,
 * and at most `maxLength` characters. `multiline` keeps line breaks (at most one blank line in a row).
 */
export function cleanTextDetailed(s: string, maxLength: number, multiline = false): CleanedText {
  const limit = Math.max(0, Math.floor(maxLength));
  let shortened = s.length > MAX_INPUT;
  let t = s.length > MAX_INPUT ? cut(s, MAX_INPUT) : s;
  t = t.replace(LONE_SURROGATE, '\uFFFD').replace(INVISIBLE, '');
  t = t.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n').normalize('NFC');
  // "{{" starts a placeholder in Cohort's emails: typed by a person it must stay their text, never
  // become one at sending (a name "{{coordinatorEmail}}" would be filled in), so the braces are parted.
  t = t.replace(/\{(?=\{)/g, '{ ');
  if (multiline) {
    t = t
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } else {
    t = t.replace(/\s+/g, ' ').trim();
  }
  if (t.length > limit) {
    shortened = true;
    t = cut(t, limit).trimEnd();
  }
  return { text: t, shortened };
}

/** A cell (or any value) as text, '' for none. */
export const textOf = (value: unknown): string => String(value ?? '');

/** A cell (or any value) as text without the spaces around it, '' for none. */
export const trimmedText = (value: unknown): string => String(value ?? '').trim();

export function cleanText(s: string, maxLength: number, multiline = false): string {
  return cleanTextDetailed(s, maxLength, multiline).text;
}

/**
 * Email addresses are compared and stored lower-cased. Strictly the part before @ may be
 * case-sensitive, but no provider the scheme meets treats it so, and one person must not count twice.
 * Lower-casing comes first so that normalising twice changes nothing: lower-casing can lengthen text
 * ("İ" → "i̇") and leave it un-normalised, and a stored address is normalised again when read back.
 */
export function normaliseEmail(s: string): string {
  return emailDetailed(s).email;
}

/**
 * Every invisible formatting character (Unicode category Cf: soft hyphen, zero-width space and
 * joiners, word joiner, BOM, bidi controls…). In a name some are needed; in an address none is, and
 * "ali\u00ADce@…" would otherwise be a second person who looks the same.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** An address as compared and stored, and whether invisible characters had to be removed. */
export function emailDetailed(s: string): { email: string; hadInvisible: boolean } {
  const lower = s.toLowerCase();
  const stripped = lower.replace(FORMAT_CHARACTERS, '');
  return { email: cleanText(stripped, 320), hadInvisible: stripped.length !== lower.length };
}

/**
 * Pragmatic check, not RFC 5322: one @, something before it, a dot inside the domain, no spaces, at
 * most 254 characters. Commas, semicolons, angle brackets, quotes and brackets are refused too:
 * MailApp reads a comma-separated recipient list, so "a@x.org,b@y.org" would mail two people.
 */
export function isValidEmail(s: string): boolean {
  if (s.length === 0 || s.length > 254) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters make an address invalid
  if (/[\s,;:<>()[\]\\"\u0000-\u001F\u007F]/.test(s)) return false;
  const at = s.indexOf('@');
  if (at <= 0 || at !== s.lastIndexOf('@') || at > 64) return false;
  const domain = s.slice(at + 1);
  return /^[^.]+(\.[^.]+)+$/.test(domain);
}
