/**
 * A short fingerprint of a plan: the same plan always gives the same text, and any change to it (a
 * recipient, a word of an email, a date) almost surely gives another. Used to act only on the plan
 * the coordinator approved. FNV-1a (64-bit, as two 32-bit halves) over the plan's JSON: a check that
 * nothing changed between two reads, not a secret.
 *
 * @example fingerprint([['decision:a@x', 'Selected']]) // → '5b0c…' (16 hex digits)
 */
export function fingerprint(plan: unknown): string {
  return hash64(JSON.stringify(plan) ?? '');
}

/** The 64-bit hash of a text as 16 hex digits. */
export function hash64(text: string): string {
  const [h1, h2] = halves(text);
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The same 64-bit hash in 11 characters (base64url digits): what Cohort keeps, many thousand times
 * over, in the 500 KB of script properties.
 */
export function shortHash(text: string): string {
  const [h1, h2] = halves(text);
  let out = '';
  // 64 bits as eleven 6-bit digits: the high 32 bits, then the low 32 (the last digit takes 4 bits).
  let hi = h1;
  let lo = h2;
  for (let i = 0; i < 11; i++) {
    out += DIGITS[(hi >>> 26) & 63];
    hi = ((hi << 6) | (lo >>> 26)) >>> 0;
    lo = (lo << 6) >>> 0;
  }
  return out;
}

function halves(text: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 13), 0x5bd1e995) >>> 0;
  }
  return [h1, h2];
}
