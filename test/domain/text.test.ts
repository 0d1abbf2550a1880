import fc from 'fast-check';
import {
  cleanText,
  cleanTextDetailed,
  escapeHtml,
  isValidEmail,
  neutraliseFormula,
  normaliseEmail,
  plural,
} from '../../src/domain/text';

describe('plural', () => {
  it('counts one thing in the singular and any other number in the plural', () => {
    expect(plural(1, 'email')).toBe('1 email');
    expect(plural(0, 'email')).toBe('0 emails');
    expect(plural(2, 'failed email')).toBe('2 failed emails');
    expect(plural(3, 'reply', 'replies')).toBe('3 replies');
  });
});

describe('neutraliseFormula', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-1', "'-1"],
    ['@mention', "'@mention"],
    ['  =cmd', "'  =cmd"],
    ['\t=HYPERLINK("x")', '\'\t=HYPERLINK("x")'],
    ['\r\n@x', "'\r\n@x"],
    ['Siân ap Dafydd', 'Siân ap Dafydd'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it('never leaves a value that starts with = + - @ after whitespace', () => {
    const risky = fc.string({ unit: 'grapheme' }).map((s) => s);
    fc.assert(
      fc.property(
        fc.oneof(risky, fc.string(), fc.constantFrom('=', '+', '-', '@', ' \t=', '\r\n-')),
        fc.string(),
        (a, b) => {
          const out = neutraliseFormula(a + b);
          expect(/^\s*[=+\-@]/.test(out)).toBe(false);
        },
      ),
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('output has no raw < > " \' and every & starts an entity', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeHtml(s);
        expect(/[<>"']/.test(out)).toBe(false);
        expect(/&(?!(amp|lt|gt|quot|#39);)/.test(out)).toBe(false);
      }),
    );
  });
});

describe('cleanText', () => {
  it.each([
    ['  Siân   ap\tDafydd ', 'Siân ap Dafydd'],
    ['Sea\u0301n O\u0301 Briain', 'Seán Ó Briain'], // decomposed accents become composed (NFC)
    ['Ll\u0177r', 'Llŷr'],
    ['bad\u0000\u0007char\u001b', 'badchar'],
    ['\u202Eevil\u202C', 'evil'],
    ['\uFEFFname\u200B', 'name'],
    ['line\nbreak', 'line break'],
    ['مكتبة لندن', 'مكتبة لندن'],
    ['📚 Books 👩‍💻', '📚 Books 👩‍💻'],
    ['<b>bold</b>', '<b>bold</b>'],
    ['broken \uD800 pair', 'broken \uFFFD pair'],
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input, 100)).toBe(expected);
  });

  it('keeps paragraphs in multiline mode, at most one blank line', () => {
    expect(cleanText(' one  \r\n two\n\n\n\nthree ', 100, true)).toBe('one\ntwo\n\nthree');
  });

  it('parts typed braces so that no text a person typed reads as a placeholder', () => {
    expect(cleanText('{{coordinatorEmail}}', 100)).toBe('{ {coordinatorEmail}}');
    expect(cleanText('{{{x', 100)).toBe('{ { {x');
    expect(cleanText('{\u200B{x}}', 100)).toBe('{ {x}}');
    expect(cleanText('{ {x', 100)).toBe('{ {x');
  });

  it('shortens without splitting an emoji, and says so', () => {
    expect(cleanTextDetailed('ab😀', 3)).toEqual({ text: 'ab', shortened: true });
    expect(cleanTextDetailed('abc', 3)).toEqual({ text: 'abc', shortened: false });
  });

  it('handles huge input', () => {
    const out = cleanTextDetailed('x'.repeat(5_000_000), 4000);
    expect(out).toEqual({ text: 'x'.repeat(4000), shortened: true });
  });

  it('Welsh and Irish names survive intact, whichever way they were typed', () => {
    for (const name of [
      'Siân ap Dafydd',
      'Seán Ó Briain',
      'Llŷr',
      'Gwenllïan',
      'Dóirín Nic Giolla Phádraig',
    ]) {
      expect(cleanText(name, 200)).toBe(name);
      expect(cleanText(name.normalize('NFD'), 200)).toBe(name);
    }
  });

  it('is idempotent and within the limit for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.integer({ min: 0, max: 50 }),
        fc.boolean(),
        (s, max, multi) => {
          const once = cleanText(s, max, multi);
          expect(once.length).toBeLessThanOrEqual(max);
          expect(cleanText(once, max, multi)).toBe(once);
          expect(once).toBe(once.normalize('NFC'));
          expect(once).not.toContain('{{');
          expect(/[\uD800-\uDFFF]/.test(once.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))).toBe(false);
        },
      ),
    );
  });
});

describe('emails', () => {
  it.each([
    ['  Sam.Lee@Leeds.GOV.uk ', 'sam.lee@leeds.gov.uk'],
    ['SIÂN@example.cymru', 'siân@example.cymru'],
  ])('normaliseEmail(%j) = %j', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });

  it.each([
    ['sam@leeds.gov.uk', true],
    ['a.b+tag@x.org', true],
    ['sam@localhost', false],
    ['samleeds.gov.uk', false],
    ['sam@@x.org', false],
    ['a@b@x.org', false],
    ['sam lee@x.org', false],
    ['a@x.org,b@y.org', false],
    ['a@x.org;b@y.org', false],
    ['Sam <sam@x.org>', false],
    ['@x.org', false],
    ['sam@.org', false],
    ['sam@x.', false],
    ['sam@x..org', false],
    [`${'a'.repeat(64)}@x.org`, true],
    [`${'a'.repeat(65)}@x.org`, false],
    [`a@${'b'.repeat(250)}.org`, false],
    ['', false],
  ])('isValidEmail(%j) = %s', (input, expected) => {
    expect(isValidEmail(input)).toBe(expected);
  });
});
