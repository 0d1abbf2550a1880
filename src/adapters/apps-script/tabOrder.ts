/**
 * Where each tab should go, and the fewest moves to put it there (pure: the Workbook port makes the
 * moves with setActiveSheet + moveActiveSheet, the only way Apps Script moves a tab).
 */

/** One move: make `name` the `position`-th tab (1-based, as moveActiveSheet takes it). */
export interface TabMove {
  readonly name: string;
  readonly position: number;
}

/**
 * `first` (those that exist, in that order), then every other tab in the order it has now, then
 * `last` (those that exist and are not in `first`).
 *
 * @example
 * wantedOrder(['Form Responses 1', 'Sheet1', 'Settings'], ['Settings'], ['Form Responses 1'])
 * // → ['Settings', 'Sheet1', 'Form Responses 1']
 */
export function wantedOrder(
  current: readonly string[],
  first: readonly string[],
  last: readonly string[],
): string[] {
  const has = new Set(current);
  const head = first.filter((t) => has.has(t));
  const tail = last.filter((t) => has.has(t) && !head.includes(t));
  const middle = current.filter((t) => !head.includes(t) && !tail.includes(t));
  return [...head, ...middle, ...tail];
}

/** The tabs that may stay put: a longest subsequence of `current` already in `wanted` order. */
function staying(current: readonly string[], wanted: readonly string[]): Set<string> {
  const rank = current.map((t) => wanted.indexOf(t));
  // Longest increasing subsequence of ranks, O(n²): a spreadsheet has tens of tabs, not thousands.
  const length = rank.map(() => 1);
  const previous = rank.map(() => -1);
  for (let i = 0; i < rank.length; i++) {
    for (let j = 0; j < i; j++) {
      if (rank[j]! < rank[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
  }
  let end = length.indexOf(Math.max(0, ...length));
  const kept = new Set<string>();
  for (; end >= 0; end = previous[end]!) kept.add(current[end]!);
  return kept;
}

/**
 * The moves that turn `current` into `wanted`, fewest first: a tab already in order relative to the
 * others stays; each other tab goes right after its predecessor in `wanted`. None when in order.
 *
 * @example
 * tabMoves(['Form Responses 1', 'Settings', 'Log'], ['Settings', 'Log', 'Form Responses 1'])
 * // → [{ name: 'Form Responses 1', position: 3 }] (Settings and Log stay where they are)
 */
export function tabMoves(current: readonly string[], wanted: readonly string[]): TabMove[] {
  const kept = staying(current, wanted);
  let order = [...current];
  const moves: TabMove[] = [];
  wanted.forEach((name, i) => {
    if (kept.has(name)) return;
    const others = order.filter((t) => t !== name);
    // Right after the tab that precedes it in `wanted` (kept or already moved, so in place).
    const position = i === 0 ? 1 : others.indexOf(wanted[i - 1]!) + 2;
    order = [...others.slice(0, position - 1), name, ...others.slice(position - 1)];
    moves.push({ name, position });
  });
  return moves;
}
