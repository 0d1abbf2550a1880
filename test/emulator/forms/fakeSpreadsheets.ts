import type {
  ResponseRange,
  ResponseSheet,
  ResponseSpreadsheet,
  SpreadsheetHost,
} from '../../../src/emulator/forms/SpreadsheetHost';

/**
 * A minimal stand-in for the Spreadsheet module's host API, so the Forms service can be tested on its
 * own. Cells are stored exactly as written (no input parsing).
 */
export class FakeSheet implements ResponseSheet {
  readonly rows: unknown[][] = [];
  constructor(readonly name: string) {}
  getName(): string {
    return this.name;
  }
  getRange(row: number, column: number, numRows: number, numColumns: number): ResponseRange {
    const rows = this.rows;
    return {
      getValues: () =>
        Array.from({ length: numRows }, (_, r) =>
          Array.from({ length: numColumns }, (_, c) => rows[row - 1 + r]?.[column - 1 + c] ?? ''),
        ),
      setValues: (values: unknown[][]) => {
        values.forEach((line, r) => {
          const target = rows[row - 1 + r] ?? [];
          rows[row - 1 + r] = target;
          line.forEach((v, c) => {
            target[column - 1 + c] = v;
          });
        });
        return undefined;
      },
    };
  }
  appendRow(rowContents: unknown[]): unknown {
    this.rows.push([...rowContents]);
    return this;
  }
  getLastRow(): number {
    return this.rows.length;
  }
  getLastColumn(): number {
    return Math.max(0, ...this.rows.map((r) => r.length));
  }
}

export class FakeSpreadsheet implements ResponseSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  nextResponseSheet = 1;
  constructor(
    readonly id: string,
    readonly timeZone = 'Europe/London',
  ) {}
  getId(): string {
    return this.id;
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
}

export class FakeSpreadsheets implements SpreadsheetHost {
  readonly all = new Map<string, FakeSpreadsheet>();
  readonly active: FakeSpreadsheet;
  constructor() {
    this.active = this.add('ss-active');
  }
  add(id: string): FakeSpreadsheet {
    const ss = new FakeSpreadsheet(id);
    this.all.set(id, ss);
    return ss;
  }
  byId(id: string): FakeSpreadsheet | null {
    return this.all.get(id) ?? null;
  }
  createResponseSheet(spreadsheetId: string, headers: string[]): FakeSheet {
    const ss = this.all.get(spreadsheetId);
    if (!ss) throw new Error(`no spreadsheet ${spreadsheetId}`);
    const sheet = new FakeSheet(`Form Responses ${ss.nextResponseSheet++}`);
    sheet.appendRow(headers);
    ss.sheets.unshift(sheet);
    return sheet;
  }
}
