import type { Runtime } from '../runtime/Runtime';
import type { Item } from './Item';

/** The answer to one question: a String, or a String[] for a checkbox item (fact sheet §4). */
export class ItemResponse {
  constructor(
    private readonly rt: Runtime,
    private readonly item: Item,
    private readonly value: string | string[],
  ) {}

  getItem(): Item {
    this.rt.call('ItemResponse.getItem');
    return this.item;
  }

  getResponse(): string | string[] {
    this.rt.call('ItemResponse.getResponse');
    return Array.isArray(this.value) ? [...this.value] : this.value;
  }
}
