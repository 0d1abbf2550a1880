import { trimmedText } from './text';

/**
 * A personal code: what makes a link act for one person (their choices, their check-ins). It is the
 * person's ID and a signature of it under a secret only the script holds, so it cannot be guessed
 * from an address, and it says whose it is.
 *
 * @example
 * const code = personalCode('ME-004', 'choices', sign); // 'ME-004.Hk2…' (the ID, a dot, 22 characters)
 * readPersonalCode(code, 'choices', sign);             // 'ME-004'
 * readPersonalCode('ME-004.guess', 'choices', sign);   // null
 */
export type Signer = (value: string) => string;

const SIGNATURE_CHARS = 22;

export function personalCode(id: string, purpose: string, sign: Signer): string {
  return `${id}.${sign(`${purpose}:${id}`).slice(0, SIGNATURE_CHARS)}`;
}

/** The ID a code belongs to, when it is one of ours for this purpose; else null. */
export function readPersonalCode(code: unknown, purpose: string, sign: Signer): string | null {
  const text = trimmedText(code);
  const dot = text.lastIndexOf('.');
  if (dot <= 0 || text.length > 80) return null;
  const id = text.slice(0, dot);
  return personalCode(id, purpose, sign) === text ? id : null;
}
