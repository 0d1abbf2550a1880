import type { DialogResponder, Runtime } from '../emulator/runtime/Runtime';

const WORD: Record<string, string> = { YES: 'Yes', NO: 'No', OK: 'OK', CANCEL: 'Cancel', CLOSE: 'Close' };

/**
 * How the CLI answers a script's dialogs for the person at the keyboard: a question gets Yes/OK only
 * with --yes (never agreed on anyone's behalf), each prompt gets the next --answer and OK (a prompt
 * with no --answer left is cancelled: typing nothing is an answer of its own, `--answer ""`).
 * Each answer is noted against the dialog it answered, so that the output says what was clicked.
 */
export class CliDialogs implements DialogResponder {
  /** How each dialog was answered, by its index in `rt.shown`. */
  readonly answered = new Map<number, string>();
  private readonly answers: string[];

  constructor(
    private readonly rt: Runtime,
    private readonly yes: boolean,
    answers: readonly string[] = [],
  ) {
    this.answers = [...answers];
  }

  alert(_title: string, _prompt: string, buttons: string): string {
    if (buttons === 'OK') return 'OK';
    const [agree, refuse] = buttons.includes('YES') ? ['YES', 'NO'] : ['OK', 'CANCEL'];
    this.note(this.yes ? WORD[agree]! : `${WORD[refuse]} (add --yes to answer ${WORD[agree]})`);
    return this.yes ? agree : refuse;
  }

  prompt(_title: string, _prompt: string, buttons: string): { button: string; text: string } {
    const text = this.answers.shift();
    if (text === undefined) {
      const button = buttons.includes('CANCEL') ? 'CANCEL' : buttons.includes('NO') ? 'NO' : 'CLOSE';
      this.note(`${WORD[button]} (no --answer left for this prompt: give one with --answer TEXT)`);
      return { button, text: '' };
    }
    const button = buttons.includes('OK') ? 'OK' : 'YES';
    this.note(`typed "${text}", ${WORD[button]}`);
    return { button, text };
  }

  /** The --answer values no prompt asked for. */
  unused(): readonly string[] {
    return this.answers;
  }

  /** The dialog being answered is the last message shown (Ui records it, then asks). */
  private note(answer: string): void {
    this.answered.set(this.rt.shown.length - 1, answer);
  }
}
