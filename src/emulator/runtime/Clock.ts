/** The emulator's simulated clock: time passes only when a service call costs time or a test moves it. */
export class SimClock {
  constructor(private ms: number) {}

  now(): number {
    return this.ms;
  }

  set(ms: number): void {
    this.ms = ms;
  }

  advance(ms: number): void {
    if (ms < 0) throw new RangeError('the clock cannot go backwards');
    this.ms += ms;
  }
}

/** A `Date` for the script's context: `new Date()` and `Date.now()` read the simulated clock. */
export function simulatedDate(clock: SimClock): DateConstructor {
  return new Proxy(Date, {
    construct(target, args) {
      return args.length === 0 ? new target(clock.now()) : new target(...(args as [number]));
    },
    apply() {
      return new Date(clock.now()).toString();
    },
    get(target, prop, receiver) {
      if (prop === 'now') return () => clock.now();
      return Reflect.get(target, prop, receiver);
    },
  });
}
