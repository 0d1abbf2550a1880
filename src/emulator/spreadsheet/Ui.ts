import { ScriptException } from '../runtime/errors';
import type { Runtime } from '../runtime/Runtime';
import { Menu, type MenuRegistry } from './Menu';
import { PromptResponse } from './PromptResponse';

/** Ui.Button values (strings stand in for Apps Script's enum objects). */
export const Button = Object.freeze({
  OK: 'OK',
  CANCEL: 'CANCEL',
  YES: 'YES',
  NO: 'NO',
  CLOSE: 'CLOSE',
} as const);
export const ButtonSet = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const);

/** The buttons each set shows; CLOSE (the title-bar ✕) is always possible. */
const BUTTONS_OF: Record<string, readonly string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/** Something HtmlService would produce: only its content (and title) are used. */
export interface HtmlLike {
  getContent(): string;
  getTitle?(): string;
}

interface DialogArgs {
  title: string;
  prompt: string;
  buttons: string;
}

/**
 * Script-visible Ui (SpreadsheetApp.getUi()). Dialogs are answered by rt.dialogs and recorded;
 * alert and prompt suspend the execution, HTML dialogs and sidebars do not ([official] AS/reference/base/ui).
 */
export class Ui {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly rt: Runtime,
    private readonly menus: MenuRegistry,
  ) {}

  createMenu(caption: string): Menu {
    this.rt.call('Ui.createMenu');
    return new Menu(this.rt, this.menus, String(caption));
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons) → the Button clicked. */
  alert(...args: unknown[]): string {
    this.rt.call('Ui.alert');
    const { title, prompt, buttons } = dialogArgs('alert', args);
    this.rt.show('alert', title, prompt);
    // The script is suspended while the dialog is open: its locks are dropped and other
    // executions run meanwhile (Runtime.suspendFor has Google's words).
    const answer = this.rt.suspendFor(() => {
      const a = this.rt.dialogs.alert(title, prompt, buttons);
      return typeof a === 'string' ? { button: a } : a;
    });
    return checkedButton(answer.button, buttons);
  }

  /** prompt(prompt) | prompt(prompt, buttons) | prompt(title, prompt, buttons). */
  prompt(...args: unknown[]): PromptResponse {
    this.rt.call('Ui.prompt');
    const { title, prompt, buttons } = dialogArgs('prompt', args);
    this.rt.show('prompt', title, prompt);
    const answer = this.rt.suspendFor(() => this.rt.dialogs.prompt(title, prompt, buttons));
    return new PromptResponse(this.rt, String(answer.text), checkedButton(answer.button, buttons));
  }

  /** Recorded, not rendered; does not suspend the script (as in Apps Script). */
  showModalDialog(userInterface: HtmlLike, title: string): void {
    this.rt.call('Ui.showModalDialog');
    this.rt.show('dialog', String(title), userInterface.getContent());
  }

  showModelessDialog(userInterface: HtmlLike, title: string): void {
    this.rt.call('Ui.showModelessDialog');
    this.rt.show('dialog', String(title), userInterface.getContent());
  }

  showSidebar(userInterface: HtmlLike): void {
    this.rt.call('Ui.showSidebar');
    this.rt.show('dialog', userInterface.getTitle?.() ?? '', userInterface.getContent());
  }
}

function dialogArgs(method: string, args: unknown[]): DialogArgs {
  const isSet = (x: unknown): x is string => typeof x === 'string' && x in BUTTONS_OF;
  const bad = (): ScriptException =>
    new ScriptException(`The parameters don't match the method signature for Ui.${method}.`);
  if (args.length === 1) return { title: '', prompt: String(args[0]), buttons: 'OK' };
  if (args.length === 2) {
    if (!isSet(args[1])) throw bad();
    return { title: '', prompt: String(args[0]), buttons: args[1] };
  }
  if (args.length === 3) {
    if (!isSet(args[2])) throw bad();
    return { title: String(args[0]), prompt: String(args[1]), buttons: args[2] };
  }
  throw bad();
}

/** The responder (a test or the CLI) must answer with a button the dialog shows. */
function checkedButton(answer: string, buttons: string): string {
  const allowed = [...(BUTTONS_OF[buttons] ?? []), 'CLOSE'];
  if (!allowed.includes(answer)) {
    throw new Error(`dialog responder answered ${answer}; the dialog shows ${allowed.join(', ')}`);
  }
  return answer;
}
