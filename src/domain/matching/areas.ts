/**
 * Needs and expertise as bit sets over the areas that occur in the instance, so shared areas are a few
 * word operations. Areas (and library services) compare case- and space-insensitively.
 */

export type AreaSet = Uint32Array;

/** "  Budgeting  and Finance" → "budgeting and finance" */
export function normaliseKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Numbers the areas of an instance; the same wording recurs a lot, so each is normalised once. */
export class AreaIndex {
  private readonly ids = new Map<string, number>();
  private readonly idOfText = new Map<string, number>();

  /** The area's number, new ones numbered as they come. */
  idOf(area: string): number {
    let id = this.idOfText.get(area);
    if (id === undefined) {
      const key = normaliseKey(area);
      id = this.ids.get(key);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(key, id);
      }
      this.idOfText.set(area, id);
    }
    return id;
  }

  get words(): number {
    return Math.max(1, Math.ceil(this.ids.size / 32));
  }

  /** The set of areas with these numbers. Call once every area has its number. */
  setOf(ids: readonly number[]): AreaSet {
    const set = new Uint32Array(this.words);
    for (const id of ids) set[id >>> 5] = (set[id >>> 5]! | (1 << (id & 31))) >>> 0;
    return set;
  }
}

export function has(set: Uint32Array, id: number): boolean {
  return ((set[id >>> 5]! >>> (id & 31)) & 1) === 1;
}

/** Calls `visit` with each member of a bit set, smallest first. */
export function forEachMember(set: Uint32Array, visit: (id: number) => void): void {
  for (let w = 0; w < set.length; w++)
    for (let bits = set[w]!; bits !== 0; bits &= bits - 1) visit((w << 5) + (31 - Math.clz32(bits & -bits)));
}

/** The number of bits set in one word. */
export function bitCount(word: number): number {
  let x = word >>> 0;
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function popcount(set: AreaSet): number {
  let count = 0;
  for (let w = 0; w < set.length; w++) count += bitCount(set[w]!);
  return count;
}

export function sharedCount(a: AreaSet, b: AreaSet): number {
  let count = 0;
  for (let w = 0; w < a.length; w++) count += bitCount(a[w]! & b[w]!);
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

/** The items of `list` (in its order and wording, first spelling kept) whose area is in `other`. */
export function sharedWording(list: readonly string[], ids: readonly number[], other: AreaSet): string[] {
  const out: string[] = [];
  for (let k = 0; k < list.length; k++) {
    const id = ids[k]!;
    if (!has(other, id) || ids.indexOf(id) < k) continue;
    out.push(list[k]!.trim());
  }
  return out;
}
