import { NotImplemented, ScriptException } from '../runtime/errors';
import type { Runtime } from '../runtime/Runtime';
import { type CriteriaType, DataValidation, type ValidationRule } from './DataValidation';

/** Script-visible DataValidationBuilder (SpreadsheetApp.newDataValidation()). List and checkbox only. */
export class DataValidationBuilder {
  private criteria: CriteriaType | null = null;
  private values: string[] = [];
  private showDropdown = true;
  private allowInvalid = true;
  private helpText: string | null = null;

  constructor(
    private readonly rt: Runtime,
    from?: ValidationRule,
  ) {
    if (from) {
      this.criteria = from.criteria;
      this.values = [...from.values];
      this.showDropdown = from.showDropdown;
      this.allowInvalid = from.allowInvalid;
      this.helpText = from.helpText;
    }
  }

  requireValueInList(values: unknown, showDropdown?: boolean): this {
    this.rt.call('DataValidationBuilder.requireValueInList');
    if (!Array.isArray(values)) {
      throw new ScriptException(
        "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
      );
    }
    this.criteria = 'VALUE_IN_LIST';
    this.values = values.map((v) => String(v));
    this.showDropdown = showDropdown ?? true;
    return this;
  }

  requireCheckbox(...checkedValues: unknown[]): this {
    this.rt.call('DataValidationBuilder.requireCheckbox');
    if (checkedValues.length > 0)
      throw new NotImplemented('DataValidationBuilder.requireCheckbox(checkedValue)');
    this.criteria = 'CHECKBOX';
    this.values = [];
    return this;
  }

  setAllowInvalid(allowInvalidData: boolean): this {
    this.rt.call('DataValidationBuilder.setAllowInvalid');
    this.allowInvalid = Boolean(allowInvalidData);
    return this;
  }

  setHelpText(helpText: string): this {
    this.rt.call('DataValidationBuilder.setHelpText');
    this.helpText = String(helpText);
    return this;
  }

  getAllowInvalid(): boolean {
    this.rt.call('DataValidationBuilder.getAllowInvalid');
    return this.allowInvalid;
  }

  getHelpText(): string | null {
    this.rt.call('DataValidationBuilder.getHelpText');
    return this.helpText;
  }

  getCriteriaType(): CriteriaType | null {
    this.rt.call('DataValidationBuilder.getCriteriaType');
    return this.criteria;
  }

  build(): DataValidation {
    this.rt.call('DataValidationBuilder.build');
    // [uncertain] Apps Script's wording for a rule built without criteria is not confirmed.
    if (!this.criteria) throw new ScriptException('The data validation rule has no criteria set.');
    const rule: ValidationRule = {
      criteria: this.criteria,
      values: Object.freeze([...this.values]),
      showDropdown: this.showDropdown,
      allowInvalid: this.allowInvalid,
      helpText: this.helpText,
    };
    return new DataValidation(this.rt, Object.freeze(rule));
  }
}
