import type { Runtime } from '../runtime/Runtime';
import type { ServiceModule } from '../runtime/ServiceModule';
import { Logger } from './Logger';
import { ScriptConsole } from './ScriptConsole';
import { Session, type SessionState } from './Session';
import { Utilities } from './Utilities';

/** Session, Utilities, Logger and console: the script's base services. No saved state. */
export class BaseModule implements ServiceModule {
  /**
   * Host-side: tests may set `session.activeUser = ''` to act as a context where Google hides the
   * user (a simple trigger run by someone outside the domain).
   */
  readonly session: SessionState;
  readonly #session: Session;
  readonly #utilities: Utilities;
  readonly #logger: Logger;
  readonly #console: ScriptConsole;

  constructor(rt: Runtime) {
    this.session = { activeUser: null };
    this.#session = new Session(rt, this.session);
    this.#utilities = new Utilities(rt);
    this.#logger = new Logger(rt);
    this.#console = new ScriptConsole(rt);
  }

  globals(): Record<string, unknown> {
    return {
      Session: this.#session,
      Utilities: this.#utilities,
      Logger: this.#logger,
      console: this.#console,
    };
  }

  toState(): unknown {
    return {};
  }

  fromState(_state: unknown): void {}
}
