import { setup } from './setup';

/** A spreadsheet with tabs Sheet1, A, B, C (in that order). */
function fourTabs() {
  const ctx = setup();
  for (const name of ['A', 'B', 'C']) ctx.ss.insertSheet(name);
  const tab = (name: string) => ctx.ss.getSheetByName(name)!;
  const names = () => ctx.ss.getSheets().map((s) => s.getName());
  return { ...ctx, tab, names };
}

describe('Spreadsheet.setActiveSheet and moveActiveSheet', () => {
  it('insertSheet makes the new tab active; setActiveSheet changes it and returns the tab', () => {
    const { ss, tab } = fourTabs();
    expect(ss.getActiveSheet().getName()).toBe('C');
    expect(ss.setActiveSheet(tab('A'))).toBe(tab('A'));
    expect(ss.getActiveSheet()).toBe(tab('A'));
  });

  it('moves the active tab so that it is the pos-th (1-based), forwards and backwards', () => {
    const { ss, tab, names } = fourTabs();
    ss.setActiveSheet(tab('C'));
    ss.moveActiveSheet(1);
    expect(names()).toEqual(['C', 'Sheet1', 'A', 'B']);
    expect(tab('C').getIndex()).toBe(1);
    ss.setActiveSheet(tab('Sheet1'));
    ss.moveActiveSheet(ss.getNumSheets());
    expect(names()).toEqual(['C', 'A', 'B', 'Sheet1']);
    expect(tab('Sheet1').getIndex()).toBe(4);
    ss.setActiveSheet(tab('C'));
    ss.moveActiveSheet(3);
    expect(names()).toEqual(['A', 'B', 'C', 'Sheet1']);
    // The moved tab stays active; moving it where it is changes nothing.
    expect(ss.getActiveSheet()).toBe(tab('C'));
    ss.moveActiveSheet(3);
    expect(names()).toEqual(['A', 'B', 'C', 'Sheet1']);
  });

  it('refuses a position below 1 or beyond the number of tabs, and a fraction or a non-number', () => {
    const { ss, tab, names } = fourTabs();
    ss.setActiveSheet(tab('A'));
    // [official] "Throws an exception if the position is negative or greater than the number of sheets."
    expect(() => ss.moveActiveSheet(-1)).toThrow('Invalid argument: pos');
    expect(() => ss.moveActiveSheet(5)).toThrow('Invalid argument: pos');
    // Emulator-only strictness: positions are 1-based, so 0 is refused too; 2.5 is not rounded.
    expect(() => ss.moveActiveSheet(0)).toThrow('Invalid argument: pos');
    expect(() => ss.moveActiveSheet(2.5)).toThrow("The parameters don't match the method signature");
    expect(() => ss.moveActiveSheet('2' as never)).toThrow("The parameters don't match the method signature");
    expect(names()).toEqual(['Sheet1', 'A', 'B', 'C']);
  });

  it('refuses to activate something that is not one of its tabs (or a deleted one)', () => {
    const { ss, tab } = fourTabs();
    const b = tab('B');
    ss.deleteSheet(b);
    expect(() => ss.setActiveSheet(b)).toThrow(
      "The parameters don't match the method signature for SpreadsheetApp.Spreadsheet.setActiveSheet.",
    );
    expect(() => ss.setActiveSheet('A' as never)).toThrow("The parameters don't match the method signature");
  });

  it('counts each call', () => {
    const { ss, tab, rt } = fourTabs();
    const before = rt.execution?.calls.get('Spreadsheet.moveActiveSheet') ?? 0;
    ss.setActiveSheet(tab('A'));
    ss.moveActiveSheet(2);
    expect(rt.execution?.calls.get('Spreadsheet.moveActiveSheet')).toBe(before + 1);
  });
});

describe('Spreadsheet.deleteSheet', () => {
  it('deletes a tab; the active tab then falls back to another one', () => {
    const { ss, tab, names } = fourTabs();
    ss.setActiveSheet(tab('B'));
    ss.deleteSheet(tab('B'));
    expect(names()).toEqual(['Sheet1', 'A', 'C']);
    expect(names()).toContain(ss.getActiveSheet().getName());
  });

  it("refuses the last tab with Google's words, and a tab already deleted", () => {
    const { ss, tab } = fourTabs();
    const a = tab('A');
    for (const name of ['Sheet1', 'A', 'B']) ss.deleteSheet(tab(name));
    expect(() => ss.deleteSheet(tab('C'))).toThrow("You can't remove all the sheets in a document.");
    expect(() => ss.deleteSheet(a)).toThrow(
      "The parameters don't match the method signature for SpreadsheetApp.Spreadsheet.deleteSheet.",
    );
    expect(ss.getNumSheets()).toBe(1);
  });
});
