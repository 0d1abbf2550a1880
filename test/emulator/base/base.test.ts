import { BaseModule } from '../../../src/emulator/base/BaseModule';
import { formatInstant } from '../../../src/emulator/base/formatDate';
import { ExecutionKilled, NotImplemented, ScriptException } from '../../../src/emulator/runtime/errors';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import { scriptRunner, thrown } from '../support/vmHarness';

const T0 = Date.UTC(2025, 6, 15, 13, 30, 5, 7); // Tue 15 Jul 2025 13:30:05.007 UTC (BST in London)

function setup(now = T0) {
  const rt = new Runtime(now);
  const base = new BaseModule(rt);
  const run = scriptRunner(base);
  return { rt, base, run };
}

describe('Utilities.formatDate (Java SimpleDateFormat)', () => {
  it.each([
    ['Europe/London', 'yyyy-MM-dd HH:mm:ss', '2025-07-15 14:30:05'],
    ['Europe/London', 'EEE d MMM yyyy, h:mm a z', 'Tue 15 Jul 2025, 2:30 PM BST'],
    ['Europe/London', 'EEEE dd MMMM yy', 'Tuesday 15 July 25'],
    ['Europe/London', "yyyy-MM-dd'T'HH:mm:ssXXX", '2025-07-15T14:30:05+01:00'],
    ['Europe/London', 'Z X XX zzzz', '+0100 +01 +0100 British Summer Time'],
    ['Europe/London', "h 'o''clock' ''", "2 o'clock '"],
    ['Europe/London', 'ss.SSS S', '05.007 7'],
    ['Europe/London', 'M/d/yyyy H:mm:ss', '7/15/2025 14:30:05'],
    ['Europe/London', 'D u G', '196 2 AD'],
    ['GMT+2', 'HH:mm z Z', '15:30 GMT+02:00 +0200'],
    ['GMT-05:00', 'HH:mm Z XXX', '08:30 -0500 -05:00'],
    ['UTC', 'HH:mm z XXX', '13:30 UTC Z'],
    ['America/New_York', 'HH:mm z', '09:30 EDT'],
    // Known difference: Java prints JST; Intl has no English abbreviation for Tokyo, so the GMT form is used.
    ['Asia/Tokyo', 'HH:mm z', '22:30 GMT+09:00'],
    ['Mars/Olympus_Mons', 'HH:mm z', '13:30 GMT'],
  ])('%s %s', (zone, pattern, expected) => {
    expect(formatInstant(T0, zone, pattern)).toBe(expected);
  });

  it('follows Europe/London across the change to summer time', () => {
    const change = Date.UTC(2025, 2, 30, 1, 0, 0);
    expect(formatInstant(change - 1000, 'Europe/London', 'HH:mm:ss z')).toBe('00:59:59 GMT');
    expect(formatInstant(change, 'Europe/London', 'HH:mm:ss z')).toBe('02:00:00 BST');
    expect(formatInstant(Date.UTC(2025, 0, 15, 13, 30), 'Europe/London', 'HH:mm XXX')).toBe('13:30 Z');
  });

  it('midnight in 12- and 24-hour forms', () => {
    const midnight = Date.UTC(2025, 0, 1, 0, 5);
    expect(formatInstant(midnight, 'UTC', 'hh:mm a|K|k|H')).toBe('12:05 AM|0|24|0');
  });

  it('refuses an unknown pattern letter and an unterminated quote', () => {
    expect(() => formatInstant(T0, 'UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
    expect(() => formatInstant(T0, 'UTC', "yyyy 'T")).toThrow(ScriptException);
  });

  it('takes a Date from the script realm and checks its arguments', () => {
    const { run } = setup();
    expect(run(`Utilities.formatDate(new Date(${T0}), 'Europe/London', 'dd/MM/yyyy HH:mm')`)).toBe(
      '15/07/2025 14:30',
    );
    expect(thrown(() => run(`Utilities.formatDate('2025-07-15', 'UTC', 'yyyy')`)).message).toBe(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('Utilities', () => {
  it('getUuid returns a fresh v4 UUID', () => {
    const { run } = setup();
    const a = run('Utilities.getUuid()');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(run('Utilities.getUuid()')).not.toBe(a);
  });

  it('computeDigest returns signed bytes', () => {
    const { run } = setup();
    const sha = run(`Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc')`) as number[];
    expect(sha).toHaveLength(32);
    expect(sha.slice(0, 4)).toEqual([0xba - 256, 0x78, 0x16, 0xbf - 256]);
    expect(sha.every((b) => b >= -128 && b <= 127)).toBe(true);
    const md5 = run(
      `Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, '', Utilities.Charset.UTF_8)`,
    ) as number[];
    expect(Buffer.from(md5.map((b) => b & 0xff)).toString('hex')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(thrown(() => run(`Utilities.computeDigest(Utilities.DigestAlgorithm.MD2, 'x')`))).toBeInstanceOf(
      NotImplemented,
    );
  });

  it('base64 of strings (UTF-8 or US-ASCII) and of signed byte arrays', () => {
    const { run } = setup();
    expect(run(`Utilities.base64Encode('Siân')`)).toBe('U2nDom4=');
    expect(run(`Utilities.base64Encode('Siân', Utilities.Charset.US_ASCII)`)).toBe('U2k/bg==');
    expect(run(`Utilities.base64Encode([-5, -1])`)).toBe('+/8=');
    expect(run(`Utilities.base64EncodeWebSafe([-5, -1])`)).toBe('-_8=');
    expect(run(`Utilities.base64Decode('+/8=')`)).toEqual([-5, -1]);
    expect(run(`Utilities.base64DecodeWebSafe('-_8=')`)).toEqual([-5, -1]);
  });

  it('newBlob is not emulated', () => {
    const { run } = setup();
    expect(thrown(() => run(`Utilities.newBlob('x')`))).toBeInstanceOf(NotImplemented);
  });

  it('sleep lets simulated time pass, up to 5 minutes', () => {
    const { rt, run } = setup();
    run('Utilities.sleep(1000)');
    expect(rt.clock.now() - T0).toBe(1000 + 1); // plus the call's own latency
    const err = thrown(() => run('Utilities.sleep(300001)'));
    expect(err).toBeInstanceOf(ScriptException);
    expect(rt.clock.now() - T0).toBe(1000 + 2);
  });

  it('sleeping past the 6-minute limit ends the execution', () => {
    const { rt, run } = setup();
    rt.begin('longRun', 'menu');
    run('Utilities.sleep(300000)');
    const err = thrown(() => run('Utilities.sleep(70000)'));
    expect(err).toBeInstanceOf(ExecutionKilled);
    expect(err.message).toBe('Exceeded maximum execution time');
    expect(thrown(() => run('Utilities.getUuid()'))).toBeInstanceOf(ExecutionKilled);
    rt.end();
  });
});

describe('Session', () => {
  it('reports the user and the script time zone', () => {
    const { base, run } = setup();
    expect(run('Session.getActiveUser().getEmail()')).toBe('coordinator@example.org');
    expect(run('Session.getEffectiveUser().getEmail()')).toBe('coordinator@example.org');
    expect(run('Session.getScriptTimeZone()')).toBe('Europe/London');
    const key = run('Session.getTemporaryActiveUserKey()');
    expect(typeof key).toBe('string');
    expect(run('Session.getTemporaryActiveUserKey()')).toBe(key);
    base.session.activeUser = '';
    expect(run('Session.getActiveUser().getEmail()')).toBe('');
  });
});

describe('Logger and console', () => {
  it('Logger.log fills %s placeholders and shows each line', () => {
    const { rt, run } = setup();
    rt.begin('f', 'menu');
    run(`Logger.log('Matched %s with %s (%s)', 'Siân', 'Seán', 3).log({ a: 1 })`);
    expect(rt.shown.map((m) => [m.kind, m.title, m.text])).toEqual([
      ['log', 'Logger', 'Matched Siân with Seán (3)'],
      ['log', 'Logger', '{"a":1}'],
    ]);
    expect(run('Logger.getLog()')).toBe('Matched Siân with Seán (3)\n{"a":1}\n');
    rt.end();
    expect(run('Logger.getLog()')).toBe('');
  });

  it('console levels go to the shown messages', () => {
    const { rt, run } = setup();
    run(`console.log('n=%d', 5); console.warn('careful'); console.error('bad', { x: 1 })`);
    expect(rt.shown.map((m) => `${m.title}: ${m.text}`)).toEqual([
      'console.log: n=5',
      'console.warn: careful',
      'console.error: bad { x: 1 }',
    ]);
    expect(rt.totalCalls.get('console.warn')).toBe(1);
  });
});
