import { ScriptException } from '../runtime/errors';
import type { FormsStore } from './FormsStore';
import { QuestionItem } from './ItemBase';
import type { FormData, ItemData } from './model';

/**
 * A linear scale (default 1 to 5). The answer is the String "4" in FormResponse and the number 4 in
 * the response tab (fact sheet §4).
 */
export class ScaleItem extends QuestionItem {
  constructor(store: FormsStore, form: FormData, data: ItemData) {
    super(store, form, data, 'ScaleItem');
  }

  /** The Forms UI allows a lower bound of 0 or 1 and an upper bound of 2 to 10. */
  setBounds(lower: number, upper: number): this {
    this.call('setBounds');
    if (![0, 1].includes(lower) || !Number.isInteger(upper) || upper < 2 || upper > 10) {
      // Wording [uncertain].
      throw new ScriptException(
        'Invalid argument: the lower bound must be 0 or 1 and the upper bound 2 to 10',
      );
    }
    this.data.lower = lower;
    this.data.upper = upper;
    return this;
  }

  getLowerBound(): number {
    this.call('getLowerBound');
    return this.data.lower;
  }

  getUpperBound(): number {
    this.call('getUpperBound');
    return this.data.upper;
  }

  setLabels(lower: string, upper: string): this {
    this.call('setLabels');
    this.data.lowerLabel = String(lower);
    this.data.upperLabel = String(upper);
    return this;
  }

  getLeftLabel(): string {
    this.call('getLeftLabel');
    return this.data.lowerLabel;
  }

  getRightLabel(): string {
    this.call('getRightLabel');
    return this.data.upperLabel;
  }
}
