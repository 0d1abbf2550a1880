/**
 * A script property's JSON, or null when it is missing or not JSON (a value Cohort wrote, cut short or
 * edited by hand in the project settings): callers start afresh rather than fail. The shape is the
 * caller's to check.
 */
export function storedJson<T>(raw: string | null): T | null {
  try {
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}
