import type { Tokens } from '../../ports';

/** The Tokens port on Utilities: random UUIDs and HMAC-SHA256, web-safe. */
export class UtilitiesTokens implements Tokens {
  random(): string {
    return `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
  }

  sign(secret: string, value: string): string {
    return Utilities.base64EncodeWebSafe(Utilities.computeHmacSha256Signature(value, secret)).replace(
      /=+$/,
      '',
    );
  }
}
