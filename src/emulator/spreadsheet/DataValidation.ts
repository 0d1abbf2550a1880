import type { Runtime } from '../runtime/Runtime';
import { DataValidationBuilder } from './DataValidationBuilder';

/** The criteria we emulate; values as in SpreadsheetApp.DataValidationCriteria. */
export type CriteriaType = 'VALUE_IN_LIST' | 'CHECKBOX';

/** A data-validation rule as stored on cells (host-side, immutable, shared by the cells of a range). */
export interface ValidationRule {
  readonly criteria: CriteriaType;
  /** The list for VALUE_IN_LIST; empty for CHECKBOX. */
  readonly values: readonly string[];
  readonly showDropdown: boolean;
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

/** Script-visible DataValidation: a built rule, read-only. */
export class DataValidation
  implements Pick<GoogleAppsScript.Spreadsheet.DataValidation, 'getAllowInvalid' | 'getHelpText'>
{
  constructor(
    private readonly rt: Runtime,
    readonly rule: ValidationRule,
  ) {}

  copy(): DataValidationBuilder {
    this.rt.call('DataValidation.copy');
    return new DataValidationBuilder(this.rt, this.rule);
  }

  getAllowInvalid(): boolean {
    this.rt.call('DataValidation.getAllowInvalid');
    return this.rule.allowInvalid;
  }

  getCriteriaType(): CriteriaType {
    this.rt.call('DataValidation.getCriteriaType');
    return this.rule.criteria;
  }

  /** As in Apps Script: [values, showDropdown] for a list; [] for a checkbox. */
  getCriteriaValues(): unknown[] {
    this.rt.call('DataValidation.getCriteriaValues');
    return this.rule.criteria === 'VALUE_IN_LIST' ? [[...this.rule.values], this.rule.showDropdown] : [];
  }

  getHelpText(): string {
    this.rt.call('DataValidation.getHelpText');
    // The typings say string; Apps Script returns null when no help text is set.
    return this.rule.helpText as string;
  }
}
