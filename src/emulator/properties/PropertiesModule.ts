import type { Runtime } from '../runtime/Runtime';
import type { ServiceModule } from '../runtime/ServiceModule';
import { PropertiesService, type StoreKind } from './PropertiesService';
import { PropertyStore } from './PropertyStore';

type PropertiesState = Partial<Record<StoreKind, Record<string, string>>>;

/** PropertiesService: three key-value stores that outlive executions (saved in state.json). */
export class PropertiesModule implements ServiceModule {
  /** Host-side: the stores themselves (`stores.script.values.get('k')`), no calls counted. */
  readonly stores: Record<StoreKind, PropertyStore> = {
    script: new PropertyStore(),
    user: new PropertyStore(),
    document: new PropertyStore(),
  };
  readonly #service: PropertiesService;

  constructor(rt: Runtime) {
    this.#service = new PropertiesService(rt, this.stores);
  }

  globals(): Record<string, unknown> {
    return { PropertiesService: this.#service };
  }

  toState(): PropertiesState {
    return {
      script: this.stores.script.toJSON(),
      user: this.stores.user.toJSON(),
      document: this.stores.document.toJSON(),
    };
  }

  fromState(state: unknown): void {
    const s = (state ?? {}) as PropertiesState;
    for (const kind of ['script', 'user', 'document'] as const) {
      const values = this.stores[kind].values;
      values.clear();
      for (const [key, value] of Object.entries(s[kind] ?? {})) values.set(key, String(value));
    }
  }
}
