import { Emulator } from '../../../src/emulator/Emulator';

/** What state.json keeps is checked as it is read: a damaged file is refused, never half-loaded. */
describe("a workspace's state, read back", () => {
  const emulator = () => new Emulator({ now: Date.UTC(2025, 2, 1, 9) });

  it('takes back what it wrote', () => {
    const first = emulator();
    const sheets = JSON.parse(JSON.stringify(first.spreadsheets.toState()));
    const calendar = JSON.parse(JSON.stringify(first.calendar.toState()));
    const second = emulator();
    second.spreadsheets.fromState(sheets);
    second.calendar.fromState(calendar);
    expect(second.spreadsheets.toState()).toEqual(sheets);
    expect(second.calendar.toState()).toEqual(calendar);
  });

  it('refuses a spreadsheet with a tab of no rows, or no tabs list', () => {
    const state = JSON.parse(JSON.stringify(emulator().spreadsheets.toState()));
    const noRows = { ...state, sheets: state.sheets.map((s: object) => ({ ...s, maxRows: 0 })) };
    expect(() => emulator().spreadsheets.fromState(noRows)).toThrow('Expected >=1 but received 0');
    const { sheets: _gone, ...noSheets } = state;
    expect(() => emulator().spreadsheets.fromState(noSheets)).toThrow();
  });

  it('reads an older state without the files list as having none', () => {
    const { files: _none, ...older } = JSON.parse(JSON.stringify(emulator().spreadsheets.toState()));
    const back = emulator();
    back.spreadsheets.fromState(older);
    expect(back.spreadsheets.toState().files).toEqual([]);
  });

  it('refuses a calendar whose counter went negative or whose events are not records', () => {
    const state = JSON.parse(JSON.stringify(emulator().calendar.toState()));
    expect(() => emulator().calendar.fromState({ ...state, counter: -1 })).toThrow();
    expect(() =>
      emulator().calendar.fromState({ ...state, events: [{ calendarId: 'c', event: 3 }] }),
    ).toThrow();
  });
});
