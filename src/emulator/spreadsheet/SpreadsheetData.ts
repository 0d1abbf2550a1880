import { randomBytes, randomInt } from 'node:crypto';
import { SheetData } from './SheetData';

/** Host-side state of one spreadsheet file: its tabs in order and its settings. */
export class SpreadsheetData {
  sheets: SheetData[] = [];
  activeSheetId: number | null = null;

  constructor(
    public id: string,
    public name: string,
    public timeZone: string,
    public locale: string,
  ) {}

  /** A Drive-like file id: 44 characters of base64url. */
  static newId(): string {
    return `1${randomBytes(33).toString('base64url').slice(0, 43)}`;
  }

  /** Exact, case-sensitive match. */
  sheetByName(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /**
   * Whether a tab other than `except` holds `name` in any case: Google Sheets keeps tab names
   * unique regardless of case, so "outbox" cannot sit beside "Outbox" ([observed]
   * socialpoint-labs/sheetfu#26: "trying to create 2 sheets with the same name but different cases
   * fails, whether you do it from the spreadsheet UI or the API"). Case is folded with
   * toLowerCase ([uncertain] for letters outside ASCII).
   */
  nameTaken(name: string, except?: SheetData): boolean {
    const folded = name.toLowerCase();
    return this.sheets.some((s) => s !== except && s.name.toLowerCase() === folded);
  }

  sheetById(id: number): SheetData | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** Sheet ids are random positive integers, except the first tab's 0, as in Google Sheets. */
  newSheetId(): number {
    if (this.sheets.length === 0) return 0;
    for (;;) {
      const id = randomInt(1, 2_147_483_647);
      if (!this.sheetById(id)) return id;
    }
  }

  /** Adds a tab at a 0-based position (the end by default). The caller checks the name is free. */
  addSheet(name: string, index = this.sheets.length): SheetData {
    const sheet = new SheetData(this.newSheetId(), name);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  /** Moves a tab to a 0-based position (as after taking it out). The caller checks the position. */
  moveSheet(sheet: SheetData, index: number): void {
    const others = this.sheets.filter((s) => s !== sheet);
    others.splice(index, 0, sheet);
    this.sheets = others;
  }

  removeSheet(sheet: SheetData): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheetId === sheet.id) this.activeSheetId = null;
  }

  activeSheet(): SheetData {
    const active = this.activeSheetId === null ? undefined : this.sheetById(this.activeSheetId);
    const sheet = active ?? this.sheets[0];
    if (!sheet) throw new Error('a spreadsheet always has at least one sheet');
    return sheet;
  }

  /** 'Sheet2', 'Sheet3', … the first name not taken, as Sheets names a new tab. */
  defaultSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) if (!this.nameTaken(`Sheet${n}`)) return `Sheet${n}`;
  }
}
