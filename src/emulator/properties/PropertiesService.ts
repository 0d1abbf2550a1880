import type { Runtime } from '../runtime/Runtime';
import { Properties } from './Properties';
import type { PropertyStore } from './PropertyStore';

export type StoreKind = 'script' | 'user' | 'document';

/**
 * The script's `PropertiesService`. The script is bound to the spreadsheet, so document
 * properties exist (Google returns null for them only outside a bound or add-on context).
 */
export class PropertiesService
  implements
    Pick<
      GoogleAppsScript.Properties.PropertiesService,
      'getScriptProperties' | 'getUserProperties' | 'getDocumentProperties'
    >
{
  readonly #rt: Runtime;
  readonly #stores: Record<StoreKind, PropertyStore>;

  readonly #userStore: () => PropertyStore;

  constructor(rt: Runtime, stores: Record<StoreKind, PropertyStore>, userStore: () => PropertyStore) {
    this.#rt = rt;
    this.#stores = stores;
    this.#userStore = userStore;
  }

  getScriptProperties(): Properties {
    this.#rt.call('PropertiesService.getScriptProperties');
    return new Properties(this.#rt, this.#stores.script);
  }

  getUserProperties(): Properties {
    this.#rt.call('PropertiesService.getUserProperties');
    return new Properties(this.#rt, this.#userStore());
  }

  getDocumentProperties(): Properties {
    this.#rt.call('PropertiesService.getDocumentProperties');
    return new Properties(this.#rt, this.#stores.document);
  }
}
