import { NotImplemented, ScriptException } from '../runtime/errors';
import { Choice } from './Choice';
import { QuestionItem } from './ItemBase';

/** Shared by MultipleChoiceItem, CheckboxItem and ListItem. */
export abstract class ChoiceItem extends QuestionItem {
  createChoice(value: string, ...rest: unknown[]): Choice {
    this.call('createChoice');
    if (rest.length > 0) throw new NotImplemented(`${this.cls}.createChoice(value, navigation or isCorrect)`);
    return new Choice(this.store.rt, String(value));
  }

  getChoices(): Choice[] {
    this.call('getChoices');
    return this.data.choices.map((v) => new Choice(this.store.rt, v));
  }

  setChoiceValues(values: string[]): this {
    this.call('setChoiceValues');
    if (!Array.isArray(values)) throw new ScriptException(`Invalid argument: values`);
    this.data.choices = values.map(String);
    return this;
  }

  setChoices(choices: Choice[]): this {
    this.call('setChoices');
    if (!Array.isArray(choices) || !choices.every((c) => c instanceof Choice)) {
      throw new ScriptException('Invalid argument: choices');
    }
    this.data.choices = choices.map((c) => c.value);
    return this;
  }
}

/** Multiple-choice and checkbox items may offer an "Other:" field with free text. */
export abstract class OtherOptionItem extends ChoiceItem {
  hasOtherOption(): boolean {
    this.call('hasOtherOption');
    return this.data.other;
  }

  showOtherOption(enabled: boolean): this {
    this.call('showOtherOption');
    this.data.other = Boolean(enabled);
    return this;
  }
}
