/**
 * The field a person most likely meant by a field the instance format does not have: a word the
 * scheme's own forms use for it (`areas` for a mentor's expertise), the same name written another way
 * (`allow_unchosen`, `menteeId`), or the same name with a typing slip or two (`capacty`).
 */

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

export function likelyField(
  key: string,
  known: readonly string[],
  synonyms: Readonly<Record<string, string>>,
): string | undefined {
  const word = squash(key);
  const synonym = synonyms[word];
  if (synonym !== undefined) return synonym;
  const withoutId = word.replace(/ids?$/, '');
  const same = known.find(
    (name) => squash(name) === word || (withoutId !== '' && squash(name) === withoutId),
  );
  if (same !== undefined) return same;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of known) {
    const target = squash(name);
    const distance = editDistance(word, target);
    if (distance <= Math.min(2, Math.floor(target.length / 3)) && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance with adjacent transpositions counted as one slip. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Int32Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + change,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}
