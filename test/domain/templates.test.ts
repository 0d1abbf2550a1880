import fc from 'fast-check';
import { PROSE } from '../../src/domain/prose';
import { DECISION_STATUSES, ROLES } from '../../src/domain/status';
import {
  ALLOWED_PLACEHOLDERS,
  acknowledgementKey,
  assertTemplatesUsable,
  decisionKey,
  defaultTemplates,
  pairAnnouncementKey,
  placeholdersUsed,
  renderTemplate,
  TEMPLATE_KEYS,
  type Template,
  templateProblems,
  unknownPlaceholders,
} from '../../src/domain/templates';

const DEFAULT_TEMPLATES = defaultTemplates(PROSE);

const t = (subject: string, body: string): Template => ({
  key: 'test',
  subject,
  body,
  placeholders: ['name', 'dates'],
});

describe('renderTemplate', () => {
  it('fills subject, text and HTML; paragraphs become <p>, line breaks <br>', () => {
    const r = renderTemplate(t('Hello {{ name }}', 'Dear {{name}},\n\nYour dates:\n{{dates}}\n\nBye'), {
      name: 'Siân',
      dates: '- one\n- two',
    });
    expect(r.subject).toBe('Hello Siân');
    expect(r.text).toBe('Dear Siân,\n\nYour dates:\n- one\n- two\n\nBye');
    expect(r.html).toBe('<p>Dear Siân,</p>\n<p>Your dates:<br>\n- one<br>\n- two</p>\n<p>Bye</p>');
    expect(r.missing).toEqual([]);
  });

  it('escapes every value in HTML but not in text; the subject stays on one line', () => {
    const r = renderTemplate(t('Hi {{name}}', 'Dear {{name}}'), { name: '<b>Sam</b> & "Jo"\nBcc: x@y.org' });
    expect(r.html).toBe('<p>Dear &lt;b&gt;Sam&lt;/b&gt; &amp; &quot;Jo&quot;<br>\nBcc: x@y.org</p>');
    expect(r.text).toBe('Dear <b>Sam</b> & "Jo"\nBcc: x@y.org');
    expect(r.subject).toBe('Hi <b>Sam</b> & "Jo" Bcc: x@y.org');
  });

  it('does not expand placeholders inside values, and reports missing ones', () => {
    const r = renderTemplate(t('{{name}}', '{{name}} {{dates}} {{ nope'), { name: '{{dates}}' });
    expect(r.text).toBe('{{dates}}  {{ nope');
    expect(r.missing).toEqual(['dates']);
  });

  it('does not read values from the prototype', () => {
    expect(renderTemplate(t('{{toString}}', 'x'), {}).subject).toBe('');
  });

  it('HTML never contains a raw value character that could open a tag', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const r = renderTemplate(t('s', 'a {{name}} b'), { name: value });
        const inner = r.html
          .replace(/^<p>|<\/p>$/g, '')
          .replace(/<br>\n/g, '')
          .replace(/<\/p>\n<p>/g, '');
        expect(/[<>"']/.test(inner)).toBe(false);
      }),
    );
  });
});

describe('placeholders', () => {
  it('lists used and unknown placeholders', () => {
    const tpl = t('Hi {{name}}', '{{mentorName}} {{name}} {{ dates }}');
    expect(placeholdersUsed(tpl)).toEqual(['name', 'mentorName', 'dates']);
    expect(unknownPlaceholders(tpl, ['name', 'dates'])).toEqual(['mentorName']);
  });

  it('says clearly which template uses an unknown placeholder', () => {
    const edited = DEFAULT_TEMPLATES.map((tpl) =>
      tpl.key === 'decision-mentor-selected' ? { ...tpl, body: `${tpl.body}\n\n{{mentorName}}` } : tpl,
    );
    expect(() => assertTemplatesUsable(edited, ALLOWED_PLACEHOLDERS)).toThrow(
      'Template decision-mentor-selected uses {{mentorName}}, which is not known. Known: {{name}}, {{programmeName}}, {{coordinatorName}}, {{coordinatorEmail}}, {{handbookUrl}}, {{videoUrl}}, {{coachName}}, {{coachEmail}}, {{contactName}}, {{contactEmail}}, {{support}}, {{coachSupport}}, {{resources}}, {{dates}}, {{launchNote}}.',
    );
  });

  it('reports braces that are not a placeholder, which would be sent as typed', () => {
    const edit = (body: string) =>
      templateProblems(
        DEFAULT_TEMPLATES.map((tpl) => (tpl.key === 'pair-correction' ? { ...tpl, body } : tpl)),
        ALLOWED_PLACEHOLDERS,
      );
    expect(edit('Dear {{name},\n\nSee you soon.')).toEqual([
      'Template pair-correction has braces that are not a placeholder like {{name}}: "Dear {{name},". Correct or remove them.',
    ]);
    expect(edit('Dear {{first name}}, with {{otherName}}')[0]).toContain('"Dear {{first name}}, with …"');
    expect(edit('Dear {{ name }}: all is well.')).toEqual([]);
  });

  it('reports a missing template and an empty subject', () => {
    const edited = DEFAULT_TEMPLATES.filter((tpl) => tpl.key !== 'pair-correction').map((tpl) =>
      tpl.key === 'coordinator-alert' ? { ...tpl, subject: ' ' } : tpl,
    );
    expect(templateProblems(edited, ALLOWED_PLACEHOLDERS)).toEqual([
      'Template pair-correction is missing.',
      'Template coordinator-alert has no subject.',
    ]);
  });
});

describe('DEFAULT_TEMPLATES', () => {
  it('have their words in the prose, one set for each key, in the same order', () => {
    expect(Object.keys(PROSE.templates)).toEqual(TEMPLATE_KEYS);
  });

  it('are usable as shipped', () => {
    expect(() => assertTemplatesUsable(DEFAULT_TEMPLATES, ALLOWED_PLACEHOLDERS)).not.toThrow();
    expect(new Set(DEFAULT_TEMPLATES.map((tpl) => tpl.key)).size).toBe(DEFAULT_TEMPLATES.length);
  });

  it('cover every email the scheme sends', () => {
    const keys = DEFAULT_TEMPLATES.map((tpl) => tpl.key);
    for (const role of ROLES) {
      expect(keys).toContain(acknowledgementKey(role));
      expect(keys).toContain(pairAnnouncementKey(role));
      for (const status of DECISION_STATUSES) expect(keys).toContain(decisionKey(role, status));
    }
    expect(keys).toEqual(
      expect.arrayContaining(['mentor-choices-invitation', 'pair-correction', 'coordinator-alert']),
    );
  });

  it.each(DEFAULT_TEMPLATES.map((tpl) => [tpl.key, tpl] as const))(
    '%s renders fully with its placeholders',
    (_key, tpl) => {
      const values = Object.fromEntries(tpl.placeholders.map((p) => [p, `<${p}>`]));
      const r = renderTemplate(tpl, values);
      expect(r.missing).toEqual([]);
      expect(r.text).not.toMatch(/\{\{/);
      expect(r.html).not.toMatch(/<(?!\/?p>|br>)[a-z]/); // only our own tags
      // Emails to participants are signed; the two to the coordinator are not.
      if (!['coordinator-alert', 'retention-reminder'].includes(tpl.key))
        expect(r.text).toMatch(/<coordinatorName>\n<programmeName>$/);
      // Declared placeholders are what the sender supplies; a template may leave some unused.
      expect(unknownPlaceholders(tpl, tpl.placeholders)).toEqual([]);
    },
  );

  it('the mentee announcement names the mentor and the shared areas', () => {
    const tpl = DEFAULT_TEMPLATES.find((x) => x.key === pairAnnouncementKey('mentee'));
    if (!tpl) throw new Error('missing');
    const r = renderTemplate(tpl, {
      name: 'Seán',
      otherName: 'Siân ap Dafydd',
      otherEmail: 'sian@cardiff.gov.uk',
      otherLibraryService: 'Cardiff Libraries',
      sharedAreas: 'Budgeting',
      intro: 'I am pleased to introduce your mentor,',
      dates: '- Wednesday 21 May 2025, 10am to 11.30am: Mentor and mentee training (online)',
      programmeName: 'P',
      coordinatorName: 'Becky',
      coordinatorEmail: 'b@x.org',
    });
    expect(r.subject).toBe('Meet your mentor');
    expect(r.text).toContain('your mentor, Siân ap Dafydd of Cardiff Libraries');
    expect(r.text).toContain('sian@cardiff.gov.uk');
    expect(r.text).toContain('Areas you both listed: Budgeting.');
  });
});
