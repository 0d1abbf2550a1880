import type { Ports } from '../../ports';
import { AdvancedCalendar } from './AdvancedCalendar';
import { FormAppForms } from './FormAppForms';
import { HtmlFileProse } from './HtmlFileProse';
import { MailAppMailer } from './MailAppMailer';
import { PropertiesStore } from './PropertiesStore';
import { ScriptLock } from './ScriptLock';
import { ScriptTriggers } from './ScriptTriggers';
import { SheetWorkbook } from './SheetWorkbook';
import { SpreadsheetAppFiles } from './SpreadsheetAppFiles';
import { SpreadsheetUi } from './SpreadsheetUi';
import { SystemClock } from './SystemClock';
import { UtilitiesTokens } from './UtilitiesTokens';

/**
 * The ports on Google's services, for one execution. `withUi` only for menu actions: Google refuses
 * getUi() in triggers.
 */
export function appsScriptPorts(options: { withUi: boolean }): Ports {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const store = new PropertiesStore();
  const prose = new HtmlFileProse();
  return {
    workbook: new SheetWorkbook(spreadsheet, prose),
    mailer: new MailAppMailer(),
    forms: new FormAppForms(spreadsheet),
    clock: new SystemClock(),
    lock: new ScriptLock(),
    store,
    triggers: new ScriptTriggers(spreadsheet.getId(), store),
    ui: options.withUi ? new SpreadsheetUi(SpreadsheetApp.getUi(), spreadsheet) : null,
    calendar: new AdvancedCalendar(),
    files: new SpreadsheetAppFiles(),
    account: { email: () => Session.getEffectiveUser().getEmail() },
    tokens: new UtilitiesTokens(),
    prose,
  };
}

/** Builds the Mentoring menu (works in the simple onOpen trigger's limited mode). */
export function installMenu(
  title: string,
  items: ReadonlyArray<{ caption: string; handler: string } | 'separator'>,
): void {
  const menu = SpreadsheetApp.getUi().createMenu(title);
  for (const item of items) {
    if (item === 'separator') menu.addSeparator();
    else menu.addItem(item.caption, item.handler);
  }
  menu.addToUi();
}
