import type { Ui } from '../../ports';

/** The Ui port on the spreadsheet's dialogs and toasts (menu actions only). */
export class SpreadsheetUi implements Ui {
  constructor(
    private readonly ui: GoogleAppsScript.Base.Ui,
    private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  ) {}

  alert(title: string, message: string): void {
    this.ui.alert(title, message, this.ui.ButtonSet.OK);
  }

  confirm(title: string, message: string): boolean {
    return this.ui.alert(title, message, this.ui.ButtonSet.YES_NO) === this.ui.Button.YES;
  }

  toast(message: string, title = 'Mentoring'): void {
    this.spreadsheet.toast(message, title, 8);
  }

  prompt(title: string, message: string): string | null {
    const response = this.ui.prompt(title, message, this.ui.ButtonSet.OK_CANCEL);
    return response.getSelectedButton() === this.ui.Button.OK ? response.getResponseText() : null;
  }
}
