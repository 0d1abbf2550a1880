import { NotImplemented, ScriptException } from '../runtime/errors';
import type { Runtime } from '../runtime/Runtime';
import { isTimeZone } from '../runtime/timeZone';
import { chooseOffsetMs, firstDue, periodMs, type Schedule } from './schedule';
import { Trigger } from './Trigger';
import type { TriggerRegistry } from './triggers';

const isDate = (x: unknown): x is Date => Object.prototype.toString.call(x) === '[object Date]';

/**
 * timeBased(): a one-shot trigger (after / at) or a recurring one (everyMinutes / everyHours /
 * everyDays, the last optionally atHour / nearMinute / inTimezone). Error wordings for bad
 * combinations are [uncertain]; the constraints are from the ClockTriggerBuilder reference.
 */
export class ClockTriggerBuilder {
  private onceAt: number | null = null;
  private every: { unit: 'minutes' | 'hours' | 'days'; n: number } | null = null;
  private hour: number | null = null;
  private minute: number | null = null;
  private timeZone: string;

  constructor(
    private readonly rt: Runtime,
    private readonly registry: TriggerRegistry,
    private readonly handler: string,
    scriptTimeZone: string,
  ) {
    this.timeZone = scriptTimeZone;
  }

  private call(method: string): void {
    this.rt.call(`ClockTriggerBuilder.${method}`);
  }

  /** Due at creation time + ms. Google may run it later, never earlier ([official] "won't be less"). */
  after(durationMilliseconds: number): this {
    this.call('after');
    const ms = Number(durationMilliseconds);
    if (!Number.isFinite(ms) || ms < 0) throw new ScriptException('Invalid argument: durationMilliseconds');
    this.onceAt = this.rt.clock.now() + Math.floor(ms);
    return this;
  }

  at(date: Date): this {
    this.call('at');
    if (!isDate(date) || Number.isNaN(date.getTime())) throw new ScriptException('Invalid argument: date');
    this.onceAt = date.getTime();
    return this;
  }

  everyMinutes(n: number): this {
    this.call('everyMinutes');
    // [official] "n must be 1, 5, 10, 15 or 30".
    if (![1, 5, 10, 15, 30].includes(n))
      throw new ScriptException('Invalid argument: n must be 1, 5, 10, 15 or 30');
    this.every = { unit: 'minutes', n };
    return this;
  }

  everyHours(n: number): this {
    this.call('everyHours');
    // The editor offers every 1, 2, 4, 6, 8 or 12 hours [uncertain for the API].
    if (![1, 2, 4, 6, 8, 12].includes(n))
      throw new ScriptException('Invalid argument: n must be 1, 2, 4, 6, 8 or 12');
    this.every = { unit: 'hours', n };
    return this;
  }

  everyDays(n: number): this {
    this.call('everyDays');
    if (!Number.isInteger(n) || n < 1) throw new ScriptException('Invalid argument: n');
    this.every = { unit: 'days', n };
    return this;
  }

  atHour(hour: number): this {
    this.call('atHour');
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new ScriptException('Invalid argument: hour');
    this.hour = hour;
    return this;
  }

  nearMinute(minute: number): this {
    this.call('nearMinute');
    if (!Number.isInteger(minute) || minute < 0 || minute > 59)
      throw new ScriptException('Invalid argument: minute');
    this.minute = minute;
    return this;
  }

  inTimezone(timezone: string): this {
    this.call('inTimezone');
    if (!isTimeZone(String(timezone))) throw new ScriptException('Invalid argument: timezone');
    this.timeZone = String(timezone);
    return this;
  }

  atDate(): never {
    this.call('atDate');
    throw new NotImplemented('ClockTriggerBuilder.atDate');
  }

  everyWeeks(): never {
    this.call('everyWeeks');
    throw new NotImplemented('ClockTriggerBuilder.everyWeeks');
  }

  onWeekDay(): never {
    this.call('onWeekDay');
    throw new NotImplemented('ClockTriggerBuilder.onWeekDay');
  }

  onMonthDay(): never {
    this.call('onMonthDay');
    throw new NotImplemented('ClockTriggerBuilder.onMonthDay');
  }

  private schedule(): { schedule: Schedule; dueAt: number } {
    const now = this.rt.clock.now();
    const timed = this.hour !== null || this.minute !== null;
    if (this.onceAt !== null) {
      if (this.every || timed) {
        throw new ScriptException(
          'A clock trigger runs either once (after/at) or repeatedly (every...), not both',
        );
      }
      return { schedule: { kind: 'once' }, dueAt: this.onceAt };
    }
    if (!this.every)
      throw new ScriptException('A clock trigger needs a time: call after(), at() or every...()');
    if (timed && this.every.unit !== 'days') {
      // [official] "Frequency is required if you are using atHour() or nearMinute()" (everyDays/everyWeeks).
      throw new ScriptException('atHour() and nearMinute() need everyDays()');
    }
    const schedule: Schedule =
      this.every.unit === 'days'
        ? {
            kind: 'days',
            n: this.every.n,
            hour: this.hour,
            minute: this.minute ?? 0,
            timeZone: this.timeZone,
            offsetMs: chooseOffsetMs(this.registry.nextUid(), this.minute),
          }
        : { kind: this.every.unit, n: this.every.n };
    return { schedule, dueAt: firstDue(schedule, now) };
  }

  create(): Trigger {
    this.call('create');
    const { schedule, dueAt } = this.schedule();
    const everyMs = periodMs(schedule);
    const record = this.registry.add({
      owner: this.rt.user,
      handler: this.handler,
      kind: 'clock',
      source: 'CLOCK',
      dueAt,
      ...(everyMs === undefined ? {} : { everyMs }),
      fired: false,
      schedule,
    });
    return new Trigger(this.rt, record);
  }
}
