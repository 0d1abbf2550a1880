import { createHash } from 'node:crypto';
import type { Runtime } from '../runtime/Runtime';
import { User } from './User';

/** Who the script runs as, and where: set by the host (BaseModule), read by the script. */
export interface SessionState {
  /** The person at the keyboard; '' where Google hides it (see APPS-SCRIPT-FACTS.md §10). */
  activeUser: string;
  /** Who the script runs as: the trigger's creator, here the coordinator. */
  effectiveUser: string;
  timeZone: string;
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
    return new User(this.#rt, this.#state.activeUser);
  }

  getEffectiveUser(): User {
    this.#rt.call('Session.getEffectiveUser');
    return new User(this.#rt, this.#state.effectiveUser);
  }

  getScriptTimeZone(): string {
    this.#rt.call('Session.getScriptTimeZone');
    return this.#state.timeZone;
  }

  /** A stable, opaque key per active user, as Google's is (its real format is not reproduced). */
  getTemporaryActiveUserKey(): string {
    this.#rt.call('Session.getTemporaryActiveUserKey');
    return createHash('sha256').update(`cohort:${this.#state.activeUser}`).digest('base64url').slice(0, 43);
  }
}
