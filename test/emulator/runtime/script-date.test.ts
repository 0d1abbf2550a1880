/**
 * The script's Date is local to the script's time zone (the manifest's), never to the machine's TZ.
 * test/bundle/machine-timezone.test.ts runs the whole scheme under other TZ values to show it.
 */
import vm from 'node:vm';
import { Runtime } from '../../../src/emulator/runtime/Runtime';

function inRealm(zone: string, now: number) {
  const rt = new Runtime(now);
  rt.scriptTimeZone = zone;
  const context = vm.createContext({ Date: rt.Date });
  return (code: string): unknown => vm.runInContext(code, context);
}

const SUMMER = Date.UTC(2025, 3, 25, 8, 0, 0); // 09:00 in London (BST)

describe("the script's Date", () => {
  it('reads the simulated clock', () => {
    const run = inRealm('Europe/London', SUMMER);
    expect(run('Date.now()')).toBe(SUMMER);
    expect(run('new Date().getTime()')).toBe(SUMMER);
  });

  it.each([
    ['Europe/London', 9, 'Fri Apr 25 2025 09:00:00 GMT+0100 (British Summer Time)', -60],
    ['America/New_York', 4, 'Fri Apr 25 2025 04:00:00 GMT-0400 (Eastern Daylight Time)', 240],
    ['Pacific/Auckland', 20, 'Fri Apr 25 2025 20:00:00 GMT+1200 (New Zealand Standard Time)', -720],
  ])('shows local time in %s', (zone, hour, text, offset) => {
    const run = inRealm(zone, SUMMER);
    expect(run('new Date().getHours()')).toBe(hour);
    expect(run('new Date().toString()')).toBe(text);
    expect(run('new Date().getTimezoneOffset()')).toBe(offset);
    expect(run('String(new Date())')).toBe(text);
  });

  it('builds dates from local fields and local strings in its zone', () => {
    const run = inRealm('Europe/London', SUMMER);
    expect(run('new Date(2025, 3, 25, 9, 0).getTime()')).toBe(SUMMER);
    expect(run('new Date(2025, 0, 10, 9, 0).getTime()')).toBe(Date.UTC(2025, 0, 10, 9, 0));
    expect(run('Date.parse("2025-04-25T09:00:00")')).toBe(SUMMER);
    // A string that names its zone, and ISO date-only forms (UTC by the spec), are read as they say.
    expect(run('Date.parse("2025-04-25T09:00:00Z")')).toBe(Date.UTC(2025, 3, 25, 9));
    expect(run('new Date("2025-04-25").getTime()')).toBe(Date.UTC(2025, 3, 25));
    expect(run('new Date(2025, 12, 1).getMonth()')).toBe(0); // overflow rolls over, as Date does
  });

  it('local setters stay in its zone across a clock change', () => {
    const run = inRealm('Europe/London', Date.UTC(2025, 2, 29, 12, 0));
    // 29 March is GMT, 30 March BST: setDate keeps the wall-clock noon.
    expect(run('var d = new Date(); d.setDate(31); d.getHours() + ":" + d.getTimezoneOffset()')).toBe(
      '12:-60',
    );
  });

  it('is still a Date: instanceof, toString tag, JSON and arithmetic work', () => {
    const run = inRealm('Europe/London', SUMMER);
    expect(run('new Date() instanceof Date')).toBe(true);
    expect(run('Object.prototype.toString.call(new Date())')).toBe('[object Date]');
    expect(run('JSON.stringify(new Date())')).toBe('"2025-04-25T08:00:00.000Z"');
    expect(run('new Date(new Date().getTime() + 3600000) - new Date()')).toBe(3_600_000);
    expect(typeof run('Date()')).toBe('string');
  });
});
