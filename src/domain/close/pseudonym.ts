/**
 * Pseudonyms for the evaluator: a keyed hash (HMAC) of each applicant ID under a key only the script
 * holds, so the same person has the same pseudonym in every export, while neither the evaluator nor
 * anyone without the key can work back to the ID (IDs are few and guessable: a plain hash of
 * "ME-004" could be checked against every ID). Upper-case letters and digits without 0/O and 1/I,
 * so a pseudonym read aloud or retyped survives.
 *
 * @example pseudonyms(['ME-004', 'MR-001'], sign) // Map { 'ME-004' => 'P-7KQ2M9XTRA', … }
 */
import type { Signer } from '../personalCode';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** The signer's digits (web-safe base64): each carries 6 bits, of which 5 pick a letter. */
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const SHORT = 10;
const LONG = 20;

function readable(signature: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length && i < signature.length; i++)
    out += ALPHABET[Math.max(0, BASE64URL.indexOf(signature[i]!)) % ALPHABET.length];
  return out;
}

/**
 * One pseudonym per ID. Two IDs whose short pseudonyms collide (about one chance in 10^15 for a
 * cohort) make every pseudonym long; should even those collide, the later ID (in sorted order) takes
 * a number, so that no two people ever share one.
 */
export function pseudonyms(ids: readonly string[], sign: Signer): Map<string, string> {
  const unique = [...new Set(ids)].sort();
  const signatures = unique.map((id) => sign(`evaluation:${id}`));
  let names = signatures.map((s) => `P-${readable(s, SHORT)}`);
  if (new Set(names).size !== names.length) names = signatures.map((s) => `P-${readable(s, LONG)}`);
  const taken = new Set<string>();
  return new Map(
    unique.map((id, i) => {
      let name = names[i]!;
      for (let n = 2; taken.has(name); n++) name = `${names[i]}-${n}`;
      taken.add(name);
      return [id, name];
    }),
  );
}
