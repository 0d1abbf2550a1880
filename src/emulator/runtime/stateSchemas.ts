import * as v from 'valibot';

/** Numbers state.json keeps, as the modules check them when a workspace is read back. */
export const wholeNumber = v.pipe(v.number(), v.integer());
export const positiveWhole = v.pipe(v.number(), v.integer(), v.minValue(1));
export const count = v.pipe(v.number(), v.integer(), v.minValue(0));
