/**
 * One property of a sheet's cells (values, formulas, formats, …) as rows of plain arrays, 0-based.
 * Unset cells are `undefined`; rows are jagged and grow on write. Row and column edits splice every
 * layer the same way, so a cell's value and its format move together.
 */
export class Layer<T> {
  rows: Array<Array<T | undefined> | undefined> = [];

  get(r: number, c: number): T | undefined {
    return this.rows[r]?.[c];
  }

  set(r: number, c: number, v: T | undefined): void {
    let row = this.rows[r];
    if (v === undefined) {
      if (row && c < row.length) row[c] = undefined;
      return;
    }
    if (!row) {
      while (this.rows.length < r) this.rows.push(undefined);
      row = [];
      this.rows[r] = row;
    }
    while (row.length < c) row.push(undefined);
    row[c] = v;
  }

  /** Sets a rectangle to one value (or clears it). */
  fill(r0: number, c0: number, numRows: number, numColumns: number, v: T | undefined): void {
    for (let r = r0; r < r0 + numRows; r++) {
      if (v === undefined && !this.rows[r]) continue;
      for (let c = c0; c < c0 + numColumns; c++) this.set(r, c, v);
    }
  }

  clear(): void {
    this.rows = [];
  }

  /**
   * A copy sharing no row with this one (Emulator.fork). A write replaces a cell and never changes
   * the value in it (a Date, a frozen validation rule), so the values themselves can be shared.
   */
  copy(): Layer<T> {
    const out = new Layer<T>();
    out.rows = this.rows.map((row) => row?.slice());
    return out;
  }

  /** 1-based number of the last row holding something; 0 when empty. */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      if (this.rows[r]?.some((v) => v !== undefined)) return r + 1;
    }
    return 0;
  }

  /** 1-based number of the last column holding something; 0 when empty. */
  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) {
        if (row[c] !== undefined) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  deleteRows(r0: number, n: number): void {
    this.rows.splice(r0, n);
  }

  insertRows(r0: number, n: number): void {
    if (r0 < this.rows.length) this.rows.splice(r0, 0, ...new Array<undefined>(n).fill(undefined));
  }

  deleteColumns(c0: number, n: number): void {
    for (const row of this.rows) if (row && row.length > c0) row.splice(c0, n);
  }

  insertColumns(c0: number, n: number): void {
    for (const row of this.rows) {
      if (row && row.length > c0) row.splice(c0, 0, ...new Array<undefined>(n).fill(undefined));
    }
  }

  /** Moves column `from` so it ends up at index `to` (0-based, as after removing it). */
  moveColumn(from: number, to: number): void {
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      while (row.length <= Math.max(from, to)) row.push(undefined);
      const [cell] = row.splice(from, 1);
      row.splice(to, 0, cell);
    }
  }

  /** Every set cell, row-major, 0-based. */
  *entries(): Generator<[number, number, T]> {
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v !== undefined) yield [r, c, v];
      }
    }
  }
}
