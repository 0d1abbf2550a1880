import { createHash } from 'node:crypto';
import type { Runtime } from '../runtime/Runtime';
import { User } from './User';

/** Where the script runs: set by the host (BaseModule), read by the script. */
export interface SessionState {
  /**
   * '' to play a context where Google hides the person at the keyboard (see APPS-SCRIPT-FACTS.md
   * §10); null (the default) for the account the execution runs as.
   */
  activeUser: string | null;
}

/** getActiveUser/getEffectiveUser return our partial User (getEmail only), so they are not in the Pick. */
export class Session
  implements Pick<GoogleAppsScript.Base.Session, 'getScriptTimeZone' | 'getTemporaryActiveUserKey'>
{
  readonly #rt: Runtime;
  readonly #state: SessionState;

  constructor(rt: Runtime, state: SessionState) {
    this.#rt = rt;
    this.#state = state;
  }

  getActiveUser(): User {
    this.#rt.call('Session.getActiveUser');
    return new User(this.#rt, this.#state.activeUser ?? this.#rt.user);
  }

  /** Who the script runs as: the person who clicked, or the creator of the trigger that fired. */
  getEffectiveUser(): User {
    this.#rt.call('Session.getEffectiveUser');
    return new User(this.#rt, this.#rt.user);
  }

  getScriptTimeZone(): string {
    this.#rt.call('Session.getScriptTimeZone');
    return this.#rt.scriptTimeZone;
  }

  /** A stable, opaque key per active user, as Google's is (its real format is not reproduced). */
  getTemporaryActiveUserKey(): string {
    this.#rt.call('Session.getTemporaryActiveUserKey');
    return createHash('sha256')
      .update(`cohort:${this.#state.activeUser ?? this.#rt.user}`)
      .digest('base64url')
      .slice(0, 43);
  }
}
