import type { Store } from '../../ports';

/** The Store port on the script's properties (shared by everyone who runs the script). */
export class PropertiesStore implements Store {
  private readonly properties = PropertiesService.getScriptProperties();

  get(key: string): string | null {
    return this.properties.getProperty(key);
  }

  set(key: string, value: string): void {
    this.properties.setProperty(key, value);
  }

  delete(key: string): void {
    this.properties.deleteProperty(key);
  }

  keys(prefix: string): string[] {
    return this.properties.getKeys().filter((k) => k.startsWith(prefix));
  }

  entries(prefix: string): Array<[string, string]> {
    return Object.entries(this.properties.getProperties()).filter(([k]) => k.startsWith(prefix));
  }
}
