import { ScriptException } from '../runtime/errors';

/** Quotas page: "Properties value size 9 KB / val", "Properties total storage 500 KB / property store". */
export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

const QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';
const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** What one property counts towards the store's 500 KB: its key and its value, in UTF-8. */
export const entryBytes = (key: string, value: string): number => bytes(key) + bytes(value);

/**
 * One property store (script, user or document): string keys to string values, with Google's
 * size limits. DECISION [uncertain]: a value is measured alone against 9 KB; the store total is
 * keys plus values in UTF-8. Both limits give the storage-quota message (fact sheet §8).
 */
export class PropertyStore {
  readonly values = new Map<string, string>();

  /** Replaces the whole content in one step, or throws and changes nothing. */
  commit(next: Map<string, string>): void {
    let total = 0;
    for (const [key, value] of next) {
      if (bytes(value) > MAX_VALUE_BYTES) throw new ScriptException(QUOTA_MESSAGE);
      total += entryBytes(key, value);
    }
    if (total > MAX_STORE_BYTES) throw new ScriptException(QUOTA_MESSAGE);
    this.values.clear();
    for (const [key, value] of next) this.values.set(key, value);
  }

  toJSON(): Record<string, string> {
    return Object.fromEntries(this.values);
  }
}
