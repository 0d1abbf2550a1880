import type { Runtime } from '../runtime/Runtime';

/** Apps Script's Session User: only the e-mail address is emulated. */
export class User implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  readonly #rt: Runtime;
  readonly #email: string;

  constructor(rt: Runtime, email: string) {
    this.#rt = rt;
    this.#email = email;
  }

  getEmail(): string {
    this.#rt.call('User.getEmail');
    return this.#email;
  }
}
