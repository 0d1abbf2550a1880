import { Layer } from './Layer';

/**
 * A deep copy of host-side spreadsheet data (a file with its tabs, or a menu) that keeps each object's
 * class, so the copy behaves as the original does; for Emulator.fork. A layer of cells copies itself
 * (Layer.copy: its rows, fast, for a tab holds thousands of formatted cells). What this data never
 * holds outside its layers (a function, a Date, a Map or Set, binary data) throws rather than being
 * copied wrongly.
 */
export function copyData<T>(value: T): T {
  if (typeof value === 'function') throw new TypeError('copyData: a function cannot be copied');
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Layer) return value.copy() as T;
  // map() keeps holes as holes.
  if (Array.isArray(value)) return value.map((v: unknown) => copyData(v)) as T;
  if (value instanceof Date || value instanceof Map || value instanceof Set || ArrayBuffer.isView(value))
    throw new TypeError(`copyData: a ${value.constructor.name} is not expected here`);
  const out = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
  for (const key of Object.keys(value)) out[key] = copyData((value as Record<string, unknown>)[key]);
  return out as T;
}
