import { blankedRow, erasedToken, Scrubber } from '../../src/workflows/erase/scrub';

describe('Scrubber', () => {
  const scrub = new Scrubber({
    email: 'sam.lee@example.org',
    names: ['Sam Lee', 'Sam  Lee', 'Al', 'Erased'],
  });

  it('replaces the address and the name as whole words, in any case', () => {
    expect(scrub.text('Write to SAM.LEE@example.org, or ask sam lee.')).toBe(
      'Write to erased, or ask Erased.',
    );
    expect(scrub.text('Your mentor is Sam\nLee (MR-002)')).toBe('Your mentor is Erased (MR-002)');
    // Names shorter than three letters are erased too ("Al" signs an email).
    expect(scrub.text('Best wishes, Al')).toBe('Best wishes, Erased');
  });

  it('leaves longer names and other addresses alone', () => {
    for (const text of [
      'Sam Leeming',
      'Pam Lee',
      'xsam.lee@example.org',
      'sam.lee@example.org.uk',
      'sam.lee@example.organic',
      'al fresco', // a two-letter name is found only as written, capital included
      'AL',
      'Also',
    ])
      expect(scrub.text(text)).toBe(text);
    expect(scrub.mentions('Sam Leeming')).toBe(false);
    expect(scrub.mentions('ask Sam Lee')).toBe(true);
  });

  it('rewrites only the text cells of a row that mention the person', () => {
    expect(scrub.row({ A: 'Sam Lee (MR-1)', B: 'Pam', C: 3, D: new Date(0) })).toEqual({
      A: 'Erased (MR-1)',
    });
    expect(scrub.row({ A: 'nobody' })).toBeNull();
  });
});

describe('blankedRow and erasedToken', () => {
  it('empties every column but the kept ones, including columns a coordinator added', () => {
    expect(blankedRow(['ID', 'Name', 'Phone', ''], ['ID'], { Name: 'Erased' })).toEqual({
      Name: 'Erased',
      Phone: '',
    });
  });

  it('makes a token not already taken', () => {
    const first = erasedToken(() => false);
    expect(first).toMatch(/^erased-[a-z0-9]{8}$/);
    let tries = 0;
    expect(erasedToken(() => ++tries < 3)).toMatch(/^erased-/);
    expect(tries).toBe(3);
  });
});
