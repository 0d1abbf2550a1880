/**
 * Forms as Google makes them (issue 9.3b, 9.3c): FormApp.create leaves the form untitled and
 * unpublished; a transient FormApp failure is not a deleted form.
 */
import { click, formId, newCohort, setUp } from '../support/cohort';

describe("Cohort's forms on Google's terms", () => {
  it('every form Cohort makes has its title, is published and accepts responses', () => {
    const emulator = setUp(newCohort());
    for (const key of ['mentor', 'mentee'] as const) {
      const form = emulator.forms.data(formId(emulator, key))!;
      expect(form.title).toBe(`Libraries Connected Peer Mentoring Scheme 2025: apply as a ${key}`);
      expect(form.published).toBe(true);
      expect(form.acceptingResponses).toBe(true);
    }
  });

  it('FormApp.create alone leaves the title blank and the form closed (the emulator is as strict as Google)', () => {
    const emulator = newCohort();
    emulator.load(`function f() {
      var form = FormApp.create('Mentor application');
      return [form.getTitle(), form.supportsAdvancedResponderPermissions(), form.isPublished(), form.isAcceptingResponses()].join('|');
    }`);
    expect(emulator.run('f').value).toBe('|true|false|false');
  });

  it('a form that Google could not open for a moment is kept: set-up stops with a sentence and makes no second form', () => {
    const emulator = setUp(newCohort());
    const before = emulator.forms.list().length;
    const id = formId(emulator, 'mentor');
    const busy = (call: string) => {
      if (call === 'FormApp.openById')
        throw new Error(`Service Forms failed while accessing document with id ${id}.`);
    };
    emulator.rt.faults.push(busy);
    const run = click(emulator, 'Set up programme');
    emulator.rt.faults.splice(emulator.rt.faults.indexOf(busy), 1);
    expect(run.ok).toBe(true);
    expect(emulator.forms.list()).toHaveLength(before);
    expect(formId(emulator, 'mentor')).toBe(id);
    const said = emulator.rt.shown.filter((m) => m.kind === 'alert').at(-1)!;
    expect(said.text).toContain('Google Forms did not answer');
    expect(said.text).toContain('Nothing was changed; try again in a few minutes.');
    // Once Google answers again, set-up goes through with the same form.
    click(emulator, 'Set up programme');
    expect(emulator.forms.list()).toHaveLength(before);
  });

  it('a form that is really gone is made again, and the Forms tab shows the new link', () => {
    const emulator = setUp(newCohort());
    const old = formId(emulator, 'mentee');
    emulator.forms.deleteForm(old);
    click(emulator, 'Set up programme');
    const fresh = formId(emulator, 'mentee');
    expect(fresh).not.toBe(old);
    expect(emulator.forms.data(fresh)?.published).toBe(true);
    const [, ...links] = emulator.spreadsheets.values('Forms');
    expect(
      links.some((r) => String(r[1]).includes(emulator.forms.list().find((f) => f.id === fresh)!.url)),
    ).toBe(true);
  });
});
