import type { Runtime } from '../runtime/Runtime';

/** Script-visible PromptResponse (Ui.prompt). */
export class PromptResponse {
  constructor(
    private readonly rt: Runtime,
    private readonly text: string,
    private readonly button: string,
  ) {}

  getResponseText(): string {
    this.rt.call('PromptResponse.getResponseText');
    return this.text;
  }

  getSelectedButton(): string {
    this.rt.call('PromptResponse.getSelectedButton');
    return this.button;
  }
}
