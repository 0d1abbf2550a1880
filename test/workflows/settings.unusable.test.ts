/**
 * A value typed into the Settings tab that Cohort cannot read is replaced by its default; the
 * coordinator hears so in the question of whatever they do next, not only from Set up programme.
 */
import { click, newCohort, settings, setUp } from '../support/cohort';

describe('unusable settings', () => {
  it('are named in the question before anything is done with their defaults', () => {
    const emulator = setUp(newCohort());
    settings(emulator, { mentorPlaces: 'twenty' });
    click(emulator, 'Send calendar invites');
    const question = emulator.rt.shown.find((m) => m.kind === 'alert' && m.text.includes('Go ahead?'))?.text;
    expect(question).toContain('The Settings tab has values Cohort cannot use:\nMentor places');
    expect(question).toContain('(found "twenty"); using 20.');
  });

  it('are not mentioned when every value can be used', () => {
    const emulator = setUp(newCohort());
    click(emulator, 'Send calendar invites');
    const question = emulator.rt.shown.find((m) => m.kind === 'alert' && m.text.includes('Go ahead?'))?.text;
    expect(question).toBeDefined();
    expect(question).not.toContain('Settings tab has values');
  });
});
