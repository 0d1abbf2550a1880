import { createHmac } from 'node:crypto';
import { pseudonyms } from '../../../src/domain/close/pseudonym';

const signer = (key: string) => (value: string) =>
  createHmac('sha256', key).update(value).digest('base64url');

describe('pseudonyms for the evaluator', () => {
  const ids = Array.from({ length: 60 }, (_, i) => `${i % 2 ? 'MR' : 'ME'}-${String(i).padStart(3, '0')}`);

  it('are stable under the same key, distinct, and say nothing of the ID', () => {
    const a = pseudonyms(ids, signer('k1'));
    const b = pseudonyms([...ids].reverse(), signer('k1'));
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    expect(new Set(a.values()).size).toBe(ids.length);
    for (const [id, p] of a) {
      expect(p).toMatch(/^P-[A-HJ-NP-Z2-9]{10}$/);
      expect(p).not.toContain(id.slice(3));
    }
  });

  it('change completely with another key', () => {
    const a = pseudonyms(ids, signer('k1'));
    const b = pseudonyms(ids, signer('k2'));
    for (const id of ids) expect(a.get(id)).not.toBe(b.get(id));
  });

  it('become long for everyone when two short ones collide, and never shared', () => {
    const short = (value: string) =>
      /ME-00[12]$/.test(value) ? `AAAAAAAAAA${signer('k')(value)}` : signer('k')(value);
    const p = pseudonyms(['ME-001', 'ME-002', 'ME-003'], short);
    expect(new Set(p.values()).size).toBe(3);
    for (const v of p.values()) expect(v).toMatch(/^P-[A-Z2-9]{20}$/);
    const same = () => 'B'.repeat(43);
    expect([...pseudonyms(['ME-002', 'ME-001'], same).entries()]).toEqual([
      ['ME-001', `P-${'B'.repeat(20)}`],
      ['ME-002', `P-${'B'.repeat(20)}-2`],
    ]);
  });
});
