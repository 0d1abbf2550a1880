/**
 * One file of an Apps Script project as clasp pushes it: its name in the project (no extension),
 * its type and its text. `localPath` is where clasp found it.
 */
export interface ProjectFile {
  readonly name: string;
  readonly type: 'SERVER_JS' | 'HTML' | 'JSON';
  readonly source: string;
  readonly localPath: string;
}

/** What the emulator reads from appsscript.json. */
export interface Manifest {
  readonly timeZone: string | null;
  /** serviceId of each enabled advanced service, e.g. 'calendar'. */
  readonly advancedServices: readonly string[];
  /** The scopes the manifest asks for, or null when it lists none (Google infers them). */
  readonly oauthScopes: readonly string[] | null;
}

export function parseManifest(source: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (e) {
    // Google refuses to save a project whose manifest is not JSON.
    throw new Error(`appsscript.json is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const m = json as {
    timeZone?: unknown;
    dependencies?: { enabledAdvancedServices?: Array<{ serviceId?: unknown }> };
    oauthScopes?: unknown;
  };
  return {
    timeZone: typeof m.timeZone === 'string' ? m.timeZone : null,
    advancedServices: (m.dependencies?.enabledAdvancedServices ?? [])
      .map((s) => s.serviceId)
      .filter((id): id is string => typeof id === 'string'),
    oauthScopes: Array.isArray(m.oauthScopes)
      ? m.oauthScopes.filter((s): s is string => typeof s === 'string')
      : null,
  };
}
