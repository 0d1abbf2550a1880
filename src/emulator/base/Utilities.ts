import { createHash, createHmac, randomUUID } from 'node:crypto';
import { NotImplemented, ScriptException } from '../runtime/errors';
import type { Runtime } from '../runtime/Runtime';
import { formatInstant } from './formatDate';
import { passTime } from './passTime';
import { isDate, signatureMismatch, timeOf } from './signature';

/** Enum values the script sees: `Utilities.DigestAlgorithm.SHA_256` is the string 'SHA_256' here. */
export const DigestAlgorithm = Object.freeze({
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
});
export const Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' });

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** `Utilities.sleep`: "maximum allowed value is 300000 (or 5 minutes)". */
export const MAX_SLEEP_MS = 300000;

/** Bytes of a string in a charset; Java replaces what US-ASCII cannot hold with '?'. */
function encode(text: string, charset: unknown): Buffer {
  if (charset === undefined || charset === Charset.UTF_8) return Buffer.from(text, 'utf8');
  if (charset === Charset.US_ASCII) {
    return Buffer.from(Array.from(text, (ch) => (ch.codePointAt(0)! < 128 ? ch.charCodeAt(0) : 0x3f)));
  }
  throw new ScriptException(`Invalid argument: charset`);
}

/** A string or a byte array (signed, from either realm) as bytes. */
function bytesOf(method: string, args: unknown[]): Buffer {
  const [data, charset] = args;
  if (typeof data === 'string') return encode(data, charset);
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 0xff));
  throw signatureMismatch(method, args);
}

/** Java bytes are signed: -128..127. */
const signed = (buf: Buffer): number[] => Array.from(buf, (b) => (b > 127 ? b - 256 : b));

type Emulated =
  | 'formatDate'
  | 'getUuid'
  | 'sleep'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
  | 'base64Encode'
  | 'base64EncodeWebSafe'
  | 'base64Decode'
  | 'base64DecodeWebSafe'
  | 'newBlob';

export class Utilities implements Pick<GoogleAppsScript.Utilities.Utilities, Emulated> {
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;
  readonly #rt: Runtime;

  constructor(rt: Runtime) {
    this.#rt = rt;
  }

  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    this.#rt.call('Utilities.formatDate');
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureMismatch('Utilities.formatDate', [date, timeZone, format]);
    }
    const ms = timeOf(date);
    if (Number.isNaN(ms)) throw new ScriptException('Invalid argument: date');
    return formatInstant(ms, timeZone, format);
  }

  getUuid(): string {
    this.#rt.call('Utilities.getUuid');
    return randomUUID();
  }

  sleep(milliseconds: unknown): void {
    this.#rt.call('Utilities.sleep');
    const ms = Number(milliseconds);
    if (typeof milliseconds !== 'number' || Number.isNaN(ms)) {
      throw signatureMismatch('Utilities.sleep', [milliseconds]);
    }
    // [uncertain] Google's wording for a sleep over the maximum; the limit itself is documented.
    if (ms > MAX_SLEEP_MS) throw new ScriptException('Argument too large: milliseconds');
    passTime(this.#rt, Math.max(0, Math.floor(ms)));
  }

  computeDigest(...args: unknown[]): number[] {
    this.#rt.call('Utilities.computeDigest');
    const [algorithm, ...rest] = args;
    if (algorithm === DigestAlgorithm.MD2) throw new NotImplemented('Utilities.computeDigest(MD2)');
    const name = typeof algorithm === 'string' ? NODE_DIGEST[algorithm] : undefined;
    if (!name) throw signatureMismatch('Utilities.computeDigest', args);
    return signed(createHash(name).update(bytesOf('Utilities.computeDigest', rest)).digest());
  }

  /**
   * HMAC-SHA256 of `value` with `key` (strings, UTF-8 by default, or byte arrays), as signed bytes
   * ([official] AS/reference/utilities/utilities#computeHmacSha256Signature(String,String)).
   */
  computeHmacSha256Signature(...args: unknown[]): number[] {
    this.#rt.call('Utilities.computeHmacSha256Signature');
    const [value, key, charset] = args;
    if (value === undefined || key === undefined)
      throw signatureMismatch('Utilities.computeHmacSha256Signature', args);
    const v = bytesOf('Utilities.computeHmacSha256Signature', [value, charset]);
    const k = bytesOf('Utilities.computeHmacSha256Signature', [key, charset]);
    return signed(createHmac('sha256', k).update(v).digest());
  }

  base64Encode(...args: unknown[]): string {
    this.#rt.call('Utilities.base64Encode');
    return bytesOf('Utilities.base64Encode', args).toString('base64');
  }

  /** URL-safe alphabet; DECISION [uncertain]: the '=' padding is kept, as Java's encoder does. */
  base64EncodeWebSafe(...args: unknown[]): string {
    this.#rt.call('Utilities.base64EncodeWebSafe');
    return bytesOf('Utilities.base64EncodeWebSafe', args)
      .toString('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  }

  base64Decode(encoded: unknown): number[] {
    this.#rt.call('Utilities.base64Decode');
    if (typeof encoded !== 'string') throw signatureMismatch('Utilities.base64Decode', [encoded]);
    return signed(Buffer.from(encoded, 'base64'));
  }

  base64DecodeWebSafe(encoded: unknown): number[] {
    this.#rt.call('Utilities.base64DecodeWebSafe');
    if (typeof encoded !== 'string') throw signatureMismatch('Utilities.base64DecodeWebSafe', [encoded]);
    return signed(Buffer.from(encoded, 'base64url'));
  }

  newBlob(): never {
    this.#rt.call('Utilities.newBlob');
    throw new NotImplemented('Utilities.newBlob');
  }
}
