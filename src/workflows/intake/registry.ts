import { shortHash } from '../../domain/fingerprint';
import { DECISION_STATUSES, parseStatus, type Role, STATUSES, type Status } from '../../domain/status';
import { textOf } from '../../domain/text';
import { listed } from '../../domain/wording';
import type { Store, Table } from '../../ports';
import { peopleOf } from '../people';

/**
 * Who Cohort knows, where no edit of the Sheet can reach: each applicant's ID, role, a hash of
 * their address and the last status Cohort saw, in script properties (about 25 bytes a person). A
 * row deleted from the Applicants tab by mistake comes back with its ID and that status, rebuilt
 * from the person's latest form response (the raw row is always kept). Intake notes the rows it
 * reads, and so do the actions that act on a status (noteApplicants): a row deleted after its
 * person's decision or invitations went comes back with the status they went on, never an older one.
 * Until it is back, those two actions stop and name them. A person erased on request is kept by ID
 * alone, as Withdrawn (Registry.forget).
 */
export interface Known {
  readonly id: string;
  readonly role: Role;
  /** shortHash of the normalised address ('' for a person with none). */
  readonly email: string;
  readonly status: Status;
}

const PREFIX = 'registry:';
const CHUNK_CHARS = 8_000;
const ROLE_CODE: Record<Role, string> = { mentor: 'r', mentee: 'e' };
const STATUS_CODE = Object.fromEntries(STATUSES.map((s, i) => [s, String(i)])) as Record<Status, string>;

/** A chunk's number, from its property's name ("registry:3" → 3). */
const chunkNumber = (name: string) => Number(name.slice(PREFIX.length));

export const emailHash = (email: string) => (email ? shortHash(`email:${email}`) : '');

function line(k: Known): string {
  return [k.id, ROLE_CODE[k.role], k.email || '-', STATUS_CODE[k.status]].join(' ');
}

function parse(text: string): Known | null {
  const [id, role, email, status] = text.split(' ');
  const s = STATUSES[Number(status)];
  if (!id || !s || (role !== 'r' && role !== 'e')) return null;
  return {
    id,
    role: role === 'r' ? 'mentor' : 'mentee',
    email: email === '-' ? '' : (email ?? ''),
    status: s,
  };
}

/**
 * Append-only, the last line for an ID winning, so a run that notes one new person writes one
 * property, not the whole record; compacted when stale lines outnumber live ones (the daily quota of
 * property writes is 50,000 on a personal account).
 */
export class Registry {
  private readonly known = new Map<string, Known>();
  private readonly fresh: Known[] = [];
  private chunks: Array<[string, string]>;
  private lines = 0;

  constructor(private readonly store: Store) {
    this.chunks = store.entries(PREFIX).sort(([a], [b]) => chunkNumber(a) - chunkNumber(b));
    for (const [, text] of this.chunks)
      for (const l of text.split('\n')) {
        const k = parse(l);
        if (!k) continue;
        this.known.set(k.id, k);
        this.lines++;
      }
  }

  all(): Known[] {
    return [...this.known.values()];
  }

  /** Notes a person as the Applicants tab shows them now. */
  note(id: string, role: Role, email: string, status: unknown): void {
    if (!id) return;
    const k: Known = {
      id,
      role,
      email: emailHash(email),
      status: parseStatus(textOf(status)) ?? 'Applied',
    };
    const before = this.known.get(id);
    if (before && line(before) === line(k)) return;
    this.known.set(id, k);
    this.fresh.push(k);
  }

  /**
   * Erasure: the person stays known by their ID alone, as Withdrawn (the ID is not given again, and
   * no action waits for their row); every line is written afresh, so none keeps their address's hash.
   */
  static forget(store: Store, email: string, ids: readonly string[]): void {
    const registry = new Registry(store);
    const h = emailHash(email);
    registry.rewrite(
      registry
        .all()
        .map((k) => line(k.email === h || ids.includes(k.id) ? { ...k, email: '', status: 'Withdrawn' } : k)),
      0,
    );
  }

  /** Writes what changed: appended to the last chunk, or the whole record compacted. */
  save(): void {
    if (this.fresh.length === 0) return;
    this.lines += this.fresh.length;
    if (this.lines > 2 * this.known.size + 200) {
      this.rewrite(this.all().map(line), 0);
    } else {
      const [lastName, lastText] = this.chunks[this.chunks.length - 1] ?? [`${PREFIX}0`, ''];
      const lines = lastText ? lastText.split('\n') : [];
      this.rewrite([...lines, ...this.fresh.map(line)], chunkNumber(lastName));
    }
    this.fresh.length = 0;
  }

  /** Writes `lines` into chunks from chunk number `from` on; drops chunks beyond (after a compaction). */
  private rewrite(lines: readonly string[], from: number): void {
    const texts: string[] = [];
    let current = '';
    for (const l of lines) {
      if (current && current.length + l.length + 1 > CHUNK_CHARS) {
        texts.push(current);
        current = '';
      }
      current = current ? `${current}\n${l}` : l;
    }
    if (current) texts.push(current);
    const kept = this.chunks.filter(([name]) => chunkNumber(name) < from);
    const written: Array<[string, string]> = texts.map((t, i) => [`${PREFIX}${from + i}`, t]);
    for (const [name, text] of written) this.store.set(name, text);
    // Numbered from `from` on without a gap: any chunk beyond the last written one is stale.
    for (const [name] of this.chunks) if (chunkNumber(name) >= from + written.length) this.store.delete(name);
    this.chunks = [...kept, ...written];
    if (from === 0) this.lines = lines.length;
  }
}

/**
 * Notes every Applicants row as an action reads it before acting on the statuses (Send decisions,
 * Send calendar invites). Only there, not on every read: those are the actions a stale status would
 * undo (a sync cancels the invitations of someone put back as Applied) or contradict (a "you have a
 * place" after a "no"). One property read; a write only when a status changed since, in one batch.
 *
 * Returns why the action must not go ('' when it may): people with a decision and an address whose
 * rows are gone (deleted by mistake, not yet put back by intake). A sync would cancel their
 * invitations; Check applications puts the rows back.
 */
export function noteApplicants(store: Store, applicants: Table): string {
  const registry = new Registry(store);
  const here = new Set<string>();
  for (const p of peopleOf(applicants)) {
    registry.note(p.id, p.role, p.email, p.status);
    here.add(p.id);
  }
  registry.save();
  const gone = registry
    .all()
    // isDecisionStatus, spelled out: used twice, the minifier would keep it as a function (bytes).
    .filter((k) => k.email && (DECISION_STATUSES as readonly string[]).includes(k.status) && !here.has(k.id))
    .map((k) => k.id);
  return gone.length
    ? `Missing from the Applicants tab: ${listed(gone)}. Choose Mentoring → Check applications to put their rows back (or Erase a person, to remove someone for good), then try again. Nothing was done.`
    : '';
}
