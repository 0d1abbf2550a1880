import type { FormsStore } from './FormsStore';
import { Item } from './Item';
import type { ItemBase } from './ItemBase';
import { ItemResponse } from './ItemResponse';
import type { FormData, ResponseData } from './model';

/** One stored response (read-only: the emulator does not let the script submit responses). */
export class FormResponse
  implements Pick<GoogleAppsScript.Forms.FormResponse, 'getId' | 'getTimestamp' | 'getRespondentEmail'>
{
  constructor(
    private readonly store: FormsStore,
    private readonly form: FormData,
    private readonly data: ResponseData,
  ) {}

  getId(): string {
    this.store.rt.call('FormResponse.getId');
    return this.data.id;
  }

  getTimestamp(): Date {
    this.store.rt.call('FormResponse.getTimestamp');
    return this.store.rt.date(this.data.timestamp);
  }

  /** '' unless the form collected e-mail addresses. */
  getRespondentEmail(): string {
    this.store.rt.call('FormResponse.getRespondentEmail');
    return this.data.email;
  }

  /** Answered questions only, in form order; answers to since-deleted questions are left out. */
  getItemResponses(): ItemResponse[] {
    this.store.rt.call('FormResponse.getItemResponses');
    const out: ItemResponse[] = [];
    for (const item of this.form.items) {
      const answer = this.data.answers.find((a) => a.itemId === item.id);
      if (answer)
        out.push(new ItemResponse(this.store.rt, new Item(this.store, this.form, item), answer.value));
    }
    return out;
  }

  /** The answer to this item, or null when it was not answered. */
  getResponseForItem(item: ItemBase): ItemResponse | null {
    this.store.rt.call('FormResponse.getResponseForItem');
    const answer = this.data.answers.find((a) => a.itemId === item.data.id);
    return answer
      ? new ItemResponse(this.store.rt, new Item(this.store, this.form, item.data), answer.value)
      : null;
  }
}
