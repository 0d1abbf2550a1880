import { signatureMismatch } from '../base/signature';
import type { Runtime } from '../runtime/Runtime';
import type { PropertyStore } from './PropertyStore';

/** The script's view of one property store. Setters return the same Properties, for chaining. */
export class Properties
  implements
    Pick<
      GoogleAppsScript.Properties.Properties,
      | 'getProperty'
      | 'setProperty'
      | 'setProperties'
      | 'deleteProperty'
      | 'deleteAllProperties'
      | 'getProperties'
      | 'getKeys'
    >
{
  readonly #rt: Runtime;
  readonly #store: PropertyStore;

  constructor(rt: Runtime, store: PropertyStore) {
    this.#rt = rt;
    this.#store = store;
  }

  getProperty(key: string): string | null {
    this.#rt.call('Properties.getProperty');
    return this.#store.values.get(String(key)) ?? null;
  }

  setProperty(key: string, value: unknown): this {
    this.#rt.call('Properties.setProperty');
    const next = new Map(this.#store.values);
    next.set(String(key), String(value));
    this.#store.commit(next);
    return this;
  }

  setProperties(properties: unknown, deleteAllOthers?: unknown): this {
    this.#rt.call('Properties.setProperties');
    if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) {
      throw signatureMismatch('Properties.setProperties', [properties, deleteAllOthers]);
    }
    const next = deleteAllOthers === true ? new Map<string, string>() : new Map(this.#store.values);
    for (const [key, value] of Object.entries(properties)) next.set(key, String(value));
    this.#store.commit(next);
    return this;
  }

  deleteProperty(key: string): this {
    this.#rt.call('Properties.deleteProperty');
    this.#store.values.delete(String(key));
    return this;
  }

  deleteAllProperties(): this {
    this.#rt.call('Properties.deleteAllProperties');
    this.#store.values.clear();
    return this;
  }

  /** A copy: changing it changes nothing in the store. */
  getProperties(): Record<string, string> {
    this.#rt.call('Properties.getProperties');
    return Object.fromEntries(this.#store.values);
  }

  getKeys(): string[] {
    this.#rt.call('Properties.getKeys');
    return [...this.#store.values.keys()];
  }
}
