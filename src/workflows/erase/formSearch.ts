import { shortHash } from '../../domain/fingerprint';
import type { Ports, ResponseOwner } from '../../ports';
import { startBudget } from '../budget';
import type { FormKey } from '../context';
import { storedJson } from '../storedJson';

/**
 * Where the search for one person's responses inside the Google Forms has got to, kept in script
 * properties between clicks of "Erase a person". Reading every answer of a large form takes minutes
 * (each answer is a call to Google), and with a year of check-ins it does not fit in one execution.
 * The address itself is not kept, only a hash of it; the key goes once the erasure is done, or when a
 * search for another address begins.
 */
export const ERASE_SEARCH_KEY = 'erase:search';

/**
 * When, after the execution began, the reading stops and says "carry on": 3½ minutes, which leaves a
 * minute of the 4½ (EXECUTION_BUDGET_MS, after which a question answered too late changes nothing)
 * for the coordinator to read the question, and 2½ before Google's 6 for the erasure itself. Should
 * the question stay open longer, the next click finds the search done and asks at once.
 */
export const SEARCH_UNTIL_MS = 210_000;

/**
 * The reading an execution always gets, up to the 4½ minutes, even past SEARCH_UNTIL_MS: enough to
 * check marks already at the end (a few calls a form) when the question was answered late, so a
 * finished search is not reported as unfinished.
 */
const LEAST_READING_MS = 20_000;

export interface FormToSearch {
  readonly form: FormKey;
  readonly id: string;
  readonly owner: ResponseOwner;
}

interface FormProgress {
  /** A hash of what was looked for (the address and the personal codes' prefixes). */
  readonly owner: string;
  readonly next: number;
  readonly seen: string;
  readonly ids: readonly string[];
}

interface Progress {
  readonly who: string;
  readonly forms: Readonly<Record<string, FormProgress>>;
}

export interface FormSearch {
  /** This person's responses in each form searched to the end (or as far as the search got). */
  readonly found: ReadonlyArray<{ form: FormKey; id: string; ids: readonly string[] }>;
  /** Every form has been read to its last response. */
  readonly done: boolean;
  /** How many of the forms have been read to the end, of how many. */
  readonly read: number;
  readonly total: number;
  /** In the form where it stopped: how many of its responses have been read, of how many. */
  readonly stoppedAt: { readonly read: number; readonly of: number } | null;
  /** False when the script properties refused the progress: the next execution starts again. */
  readonly kept: boolean;
}

/**
 * A property value holds at most 9 KB: the progress is kept in pieces (`erase:search`,
 * `erase:search:1`, …), as many as the ids found need (a stranger may have typed the address into
 * hundreds of responses).
 */
const PIECE_CHARS = 8_000;
const pieceKey = (k: number) => (k === 0 ? ERASE_SEARCH_KEY : `${ERASE_SEARCH_KEY}:${k}`);
const pieceOf = (key: string) =>
  key === ERASE_SEARCH_KEY ? 0 : Number(key.slice(ERASE_SEARCH_KEY.length + 1));

function readText(ports: Pick<Ports, 'store'>): string {
  return ports.store
    .entries(ERASE_SEARCH_KEY)
    .filter(([key]) => Number.isInteger(pieceOf(key)))
    .sort(([a], [b]) => pieceOf(a) - pieceOf(b))
    .map(([, text]) => text)
    .join('');
}

function writeText(ports: Pick<Ports, 'store'>, text: string, before: string): void {
  const pieces = (from: string) => {
    const out: string[] = [];
    for (let at = 0; at < from.length; at += PIECE_CHARS) out.push(from.slice(at, at + PIECE_CHARS));
    return out;
  };
  const old = pieces(before);
  const fresh = pieces(text);
  fresh.forEach((piece, k) => {
    if (old[k] !== piece) ports.store.set(pieceKey(k), piece);
  });
  for (let k = fresh.length; k < old.length; k++) ports.store.delete(pieceKey(k));
}

function readProgress(raw: string): Progress | null {
  const parsed = storedJson<Progress>(raw);
  return typeof parsed?.who === 'string' && parsed.forms && typeof parsed.forms === 'object' ? parsed : null;
}

/**
 * This execution's progress when the store refused it (full: Google allows 500 KB in all), so that
 * the check after Yes, in the same execution, need not read everything again. No global outlives
 * an execution.
 */
let unkept: string | null = null;

/**
 * Reads the forms' own stores for `email`'s responses, carrying on from where an earlier execution
 * stopped (the forms that still match its marks are not read again) and stopping at SEARCH_UNTIL_MS.
 * What it has read is saved after each form, so even a run Google cuts off keeps it.
 */
export function searchForms(
  ports: Pick<Ports, 'store' | 'forms' | 'clock'>,
  email: string,
  forms: readonly FormToSearch[],
): FormSearch {
  const who = shortHash(`erase:${email}`);
  let written = unkept ?? readText(ports);
  let kept = unkept === null;
  const saved = readProgress(written);
  const progress: Record<string, FormProgress> = saved?.who === who ? { ...saved.forms } : {};
  const { clock } = ports;
  const now = clock.now().getTime();
  const until = Math.max(clock.startedAt().getTime() + SEARCH_UNTIL_MS, now + LEAST_READING_MS);
  const budget = startBudget(clock, until - now);
  const save = () => {
    const text = JSON.stringify({ who, forms: progress } satisfies Progress);
    try {
      if (kept) writeText(ports, text, written);
    } catch {
      // A full store ("You have exceeded the property storage quota") must not stop an erasure:
      // the search goes on, kept for this execution only.
      kept = false;
    }
    unkept = kept ? null : text;
    written = text;
  };
  const found: Array<{ form: FormKey; id: string; ids: readonly string[] }> = [];
  let read = 0;
  let stoppedAt: FormSearch['stoppedAt'] = null;
  let total = 0;
  let done = true;
  for (const f of forms) {
    if (!ports.forms.exists(f.id)) continue;
    total++;
    if (!done || budget.expired()) {
      done = false;
      continue;
    }
    // What was read looking for other codes (a new applicant ID since) does not count.
    const owner = shortHash(JSON.stringify(f.owner));
    const before = progress[f.id]?.owner === owner ? progress[f.id] : undefined;
    const stretch = ports.forms.searchResponses(f.id, f.owner, before ?? null, () => budget.expired());
    const ids = before && !stretch.restarted ? [...before.ids, ...stretch.ids] : stretch.ids;
    progress[f.id] = { owner, next: stretch.mark.next, seen: stretch.mark.seen, ids };
    save();
    found.push({ form: f.form, id: f.id, ids });
    if (stretch.done) read++;
    else {
      done = false;
      stoppedAt = { read: stretch.mark.next, of: stretch.size };
    }
  }
  return { found, done, read, total, stoppedAt, kept };
}

/** Whether a search for some address has stopped part-way (the prompt says so; it cannot say whose). */
export function searchPending(ports: Pick<Ports, 'store'>): boolean {
  return ports.store.get(ERASE_SEARCH_KEY) !== null;
}

/** Once the erasure is done (or there was nothing to erase), the search has served. */
export function forgetSearch(ports: Pick<Ports, 'store'>): void {
  unkept = null;
  for (const key of ports.store.keys(ERASE_SEARCH_KEY)) ports.store.delete(key);
}
