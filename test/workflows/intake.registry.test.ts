/**
 * The registry of applicants (script properties): who counts as missing from the Applicants tab,
 * and what erasure leaves of a person. Unit tests on an in-memory store; the bundle tests are in
 * intake.missing.test.ts.
 */
import type { Store, Table } from '../../src/ports';
import { emailHash, noteApplicants, Registry } from '../../src/workflows/intake/registry';

function memoryStore(): Store & { values: Map<string, string> } {
  const values = new Map<string, string>();
  const matching = (prefix: string) => [...values.keys()].filter((k) => k.startsWith(prefix));
  return {
    values,
    get: (k) => values.get(k) ?? null,
    set: (k, v) => void values.set(k, v),
    delete: (k) => void values.delete(k),
    keys: matching,
    entries: (prefix) => matching(prefix).map((k) => [k, values.get(k)!]),
  };
}

type Row = [id: string, role: string, status: string, email: string];

const applicants = (rows: readonly Row[]): Table => ({
  name: 'Applicants',
  headers: ['ID', 'Role', 'Status', 'Email'],
  rows: rows.map(([ID, Role, Status, Email], i) => ({
    rowNumber: i + 2,
    values: { ID, Role, Status, Email },
  })),
  lastRow: rows.length + 1,
});

const everyone: Row[] = [
  ['MR-001', 'Mentor', 'Selected', 'cai@example.org'],
  ['ME-001', 'Mentee', 'Selected', 'eve@example.org'],
  ['ME-002', 'Mentee', 'Waitlisted', 'fay@example.org'],
  ['ME-003', 'Mentee', 'Applied', 'gus@example.org'],
  ['ME-004', 'Mentee', 'Withdrawn', 'hal@example.org'],
  ['ME-005', 'Mentee', 'Selected', ''],
];

describe('noteApplicants', () => {
  it('names the people with a decision and an address whose rows are gone', () => {
    const store = memoryStore();
    expect(noteApplicants(store, applicants(everyone))).toBe('');
    // Everyone's row deleted but Cai's: Applied and Withdrawn people hold nothing up, nor a person
    // with no address (never invited nor written to, and intake could not find them again).
    expect(noteApplicants(store, applicants(everyone.slice(0, 1)))).toBe(
      'Missing from the Applicants tab: ME-001 and ME-002. Choose Mentoring → Check applications to put their rows back (or Erase a person, to remove someone for good), then try again. Nothing was done.',
    );
    // They stay known as they were, whatever the tab shows meanwhile.
    expect(
      new Registry(store)
        .all()
        .map((k) => `${k.id} ${k.status}`)
        .sort(),
    ).toEqual([
      'ME-001 Selected',
      'ME-002 Waitlisted',
      'ME-003 Applied',
      'ME-004 Withdrawn',
      'ME-005 Selected',
      'MR-001 Selected',
    ]);
  });
});

describe('Registry.forget (erasure)', () => {
  it('keeps the person by ID alone, as Withdrawn, in a record that no longer holds their address’s hash', () => {
    const store = memoryStore();
    noteApplicants(store, applicants(everyone));
    // A status change since: an appended line, the first one still holding the hash.
    noteApplicants(
      store,
      applicants(everyone.map((r) => (r[0] === 'ME-001' ? [r[0], r[1], 'Waitlisted', r[3]] : r))),
    );
    expect([...store.values.values()].join('\n').split(emailHash('eve@example.org'))).toHaveLength(3);

    Registry.forget(store, 'eve@example.org', []);
    const text = [...store.values.values()].join('\n');
    expect(text).not.toContain(emailHash('eve@example.org'));
    expect(text.split('\n').filter((l) => l.startsWith('ME-001 '))).toEqual(['ME-001 e - 4']);
    expect(text.split('\n')).toHaveLength(everyone.length);
    // Erased on an address the registry never had: their IDs are enough.
    Registry.forget(store, 'cai.old@example.org', ['MR-001']);
    expect(new Registry(store).all().find((k) => k.id === 'MR-001')).toEqual({
      id: 'MR-001',
      role: 'mentor',
      email: '',
      status: 'Withdrawn',
    });
    // Nobody erased is missing once their row goes.
    expect(noteApplicants(store, applicants(everyone.slice(2)))).toBe('');
  });

  it('drops the chunks a compaction leaves behind', () => {
    const store = memoryStore();
    const many: Row[] = Array.from({ length: 800 }, (_, i) => [
      `ME-${String(i + 1).padStart(3, '0')}`,
      'Mentee',
      'Selected',
      `mentee${i}@example.org`,
    ]);
    noteApplicants(store, applicants(many));
    expect(store.keys('registry:').sort()).toEqual(['registry:0', 'registry:1', 'registry:2']);
    for (const [, , , email] of many) Registry.forget(store, email, []);
    // Every hash gone, the lines shorter: two chunks of 8,000 characters hold them now.
    expect(store.keys('registry:').sort()).toEqual(['registry:0', 'registry:1']);
    expect(new Registry(store).all()).toHaveLength(800);
  });
});
