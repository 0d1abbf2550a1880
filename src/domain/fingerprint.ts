/**
 * A short fingerprint of a plan: the same plan always gives the same text, and any change to it (a
 * recipient, a word of an email, a date) almost surely gives another. Used to act only on the plan
 * the coordinator approved. FNV-1a (64-bit, as two 32-bit halves) over the plan's JSON: a check that
 * nothing changed between two reads, not a secret.
 *
 * @example fingerprint([['decision:a@x', 'Selected']]) // → '5b0c…' (16 hex digits)
 */
export function fingerprint(plan: unknown): string {
  const text = JSON.stringify(plan) ?? '';
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 13), 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
