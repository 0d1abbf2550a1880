import { Layer } from './Layer';

/**
 * A deep copy of host-side data (a spreadsheet file and its tabs) that keeps each object's class, so
 * the copy behaves as the original does; for Emulator.fork. A layer of cells copies itself (Layer.copy:
 * its rows, fast, for a tab holds thousands of formatted cells). A frozen object cannot change and is
 * shared, not copied; any other object met twice stays one object in the copy. A function in the data
 * is a mistake (state that cannot be copied): it throws.
 */
export function copyData<T>(value: T): T {
  return copy(value, new Map()) as T;
}

function copy(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value === 'function') throw new TypeError('copyData: a function cannot be copied');
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (value instanceof Layer) return remember(seen, value, value.copy());
  if (value instanceof Date) return remember(seen, value, new Date(value.getTime()));
  if (Array.isArray(value)) {
    // slice() keeps holes as holes; then only the objects in it need copies of their own.
    const out = remember(seen, value, value.slice());
    for (let i = 0; i < out.length; i++) {
      const v: unknown = out[i];
      if (typeof v === 'function' || (typeof v === 'object' && v !== null)) out[i] = copy(v, seen);
    }
    return out;
  }
  if (value instanceof Map) {
    const out = remember(seen, value, new Map());
    for (const [k, v] of value) out.set(copy(k, seen), copy(v, seen));
    return out;
  }
  if (value instanceof Set) {
    const out = remember(seen, value, new Set());
    for (const v of value) out.add(copy(v, seen));
    return out;
  }
  if (ArrayBuffer.isView(value)) throw new TypeError('copyData: binary data is not expected here');
  const out = remember(seen, value, Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>);
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key], seen);
  return out;
}

function remember<T>(seen: Map<object, unknown>, from: object, to: T): T {
  seen.set(from, to);
  return to;
}
