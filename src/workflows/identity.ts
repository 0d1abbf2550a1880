import { personalCode, readPersonalCode, type Signer } from '../domain/personalCode';
import type { Ports } from '../ports';

/** The secret personal codes are signed with: made once, kept in script properties. */
const SECRET = 'secret:personalCodes';

function signer(ports: Pick<Ports, 'store' | 'tokens'>): Signer {
  let secret = ports.store.get(SECRET);
  if (!secret) {
    secret = ports.tokens.random();
    ports.store.set(SECRET, secret);
  }
  const key = secret;
  return (value) => ports.tokens.sign(key, value);
}

export type CodePurpose = 'choices' | 'check-in' | 'continuation';

/** A person's code for one kind of personal link. */
export function codeFor(ports: Pick<Ports, 'store' | 'tokens'>, purpose: CodePurpose, id: string): string {
  return personalCode(id, purpose, signer(ports));
}

/** Whose code this is (an applicant ID), or null for no code, a guess or someone else's purpose. */
export function whoseCode(
  ports: Pick<Ports, 'store' | 'tokens'>,
  purpose: CodePurpose,
  code: unknown,
): string | null {
  return readPersonalCode(code, purpose, signer(ports));
}

/** The marker a pre-filled link is made with once per form, then replaced by each person's code. */
export const CODE_MARKER = 'COHORTCODE';

/** Each person's link: the form's pre-filled link with their code in place of the marker. */
export function personalLink(template: string, code: string): string {
  return template.replace(CODE_MARKER, encodeURIComponent(code));
}
