/**
 * Needs and expertise as bit sets over the areas that occur in the instance, so shared areas are a few
 * word operations. Areas (and library services) compare case- and space-insensitively.
 */

export type AreaSet = Uint32Array;

/** "  Budgeting  and Finance" → "budgeting and finance" */
export function normaliseKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

export class AreaIndex {
  private readonly ids = new Map<string, number>();

  add(area: string): void {
    const key = normaliseKey(area);
    if (!this.ids.has(key)) this.ids.set(key, this.ids.size);
  }

  get words(): number {
    return Math.max(1, Math.ceil(this.ids.size / 32));
  }

  setOf(areas: readonly string[]): AreaSet {
    const set = new Uint32Array(this.words);
    for (const area of areas) {
      const id = this.ids.get(normaliseKey(area));
      if (id === undefined) continue;
      set[id >>> 5] = (set[id >>> 5]! | (1 << (id & 31))) >>> 0;
    }
    return set;
  }
}

export function popcount(set: AreaSet): number {
  let count = 0;
  for (let w = 0; w < set.length; w++) {
    let x = set[w]!;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    count += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return count;
}

export function sharedCount(a: AreaSet, b: AreaSet): number {
  let count = 0;
  for (let w = 0; w < a.length; w++) {
    let x = (a[w]! & b[w]!) >>> 0;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    count += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return count;
}

export function intersection(a: AreaSet, b: AreaSet): AreaSet {
  const out = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) out[w] = (a[w]! & b[w]!) >>> 0;
  return out;
}

export function isEmpty(set: AreaSet): boolean {
  for (let w = 0; w < set.length; w++) if (set[w] !== 0) return false;
  return true;
}

/** A Map key for a set: the word itself when one word suffices. */
export function setKey(set: AreaSet): number | string {
  return set.length === 1 ? set[0]! : set.join('.');
}

/** The items of `list` (in its order and wording, first spelling kept) whose key is in `other`. */
export function sharedWording(list: readonly string[], other: readonly string[]): string[] {
  const keys = new Set(other.map(normaliseKey));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of list) {
    const key = normaliseKey(item);
    if (keys.has(key) && !seen.has(key)) {
      seen.add(key);
      out.push(item.trim());
    }
  }
  return out;
}
