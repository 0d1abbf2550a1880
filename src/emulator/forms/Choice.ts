import type { Runtime } from '../runtime/Runtime';

/** One choice of a multiple-choice, checkbox or list item (no page navigation, no quiz answers). */
export class Choice implements Pick<GoogleAppsScript.Forms.Choice, 'getValue'> {
  constructor(
    private readonly rt: Runtime,
    /** Host-side: the choice text. */
    readonly value: string,
  ) {}

  getValue(): string {
    this.rt.call('Choice.getValue');
    return this.value;
  }
}
