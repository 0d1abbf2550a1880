import type { Runtime } from '../runtime/Runtime';
import type { ServiceModule } from '../runtime/ServiceModule';
import { PropertiesService, type StoreKind } from './PropertiesService';
import { PropertyStore } from './PropertyStore';

type PropertiesState = Partial<Record<StoreKind, Record<string, string>>> & {
  /** Other accounts' user properties (`user` is the first coordinator's). */
  otherUsers?: Record<string, Record<string, string>>;
};

/** PropertiesService: three key-value stores that outlive executions (saved in state.json). */
export class PropertiesModule implements ServiceModule {
  /** Host-side: the stores themselves (`stores.script.values.get('k')`), no calls counted. */
  readonly stores: Record<StoreKind, PropertyStore> = {
    script: new PropertyStore(),
    user: new PropertyStore(),
    document: new PropertyStore(),
  };
  /** Host-side: user properties of accounts other than the first coordinator. */
  readonly otherUsers = new Map<string, PropertyStore>();
  readonly #rt: Runtime;
  readonly #service: PropertiesService;

  constructor(rt: Runtime) {
    this.#rt = rt;
    // User properties are per account ([official] AS/reference/properties/properties-service).
    this.#service = new PropertiesService(rt, this.stores, () => this.userStore(rt.user));
  }

  /** Host-side: the user-properties store of an account. */
  userStore(user: string): PropertyStore {
    if (user === this.#rt.defaultUser) return this.stores.user;
    let store = this.otherUsers.get(user);
    if (!store) {
      store = new PropertyStore();
      this.otherUsers.set(user, store);
    }
    return store;
  }

  globals(): Record<string, unknown> {
    return { PropertiesService: this.#service };
  }

  toState(): PropertiesState {
    return {
      script: this.stores.script.toJSON(),
      user: this.stores.user.toJSON(),
      document: this.stores.document.toJSON(),
      otherUsers: Object.fromEntries([...this.otherUsers].map(([u, store]) => [u, store.toJSON()])),
    };
  }

  fromState(state: unknown): void {
    const s = (state ?? {}) as PropertiesState;
    for (const kind of ['script', 'user', 'document'] as const) {
      const values = this.stores[kind].values;
      values.clear();
      for (const [key, value] of Object.entries(s[kind] ?? {})) values.set(key, String(value));
    }
    this.otherUsers.clear();
    for (const [user, saved] of Object.entries(s.otherUsers ?? {})) {
      const store = this.userStore(user);
      for (const [key, value] of Object.entries(saved)) store.values.set(key, String(value));
    }
  }
}
