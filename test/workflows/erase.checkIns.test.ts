/**
 * "Erase a person" after the check-ins have begun: their answers go from the CheckIns tab, the
 * check-in response tab and the Attention tab, and Google's own copy inside the check-in form (which
 * holds only their personal code, no address) is found by that code and deleted.
 */
import { click, formId, rows } from '../support/cohort';
import { answerCheckIn, at, moveTo, pairedCohort } from './keepInTouch.helpers';

const NOTE = 'My manager has stopped me taking the time for this.';

describe('Erase a person, once the check-ins have begun', () => {
  it('removes their answers and note everywhere, the check-in form’s own copy included', () => {
    const emulator = pairedCohort(2);
    moveTo(emulator, at('2025-06-17T09:00:00Z'));
    answerCheckIn(emulator, 'me1@example.org', { met: 'No', rating: 1, note: NOTE });
    answerCheckIn(emulator, 'me2@example.org', { met: 'Yes', rating: 4 });
    moveTo(emulator, at('2025-06-18T09:00:00Z'));
    const { responseTab } = JSON.parse(emulator.properties.stores.script.values.get('form:check-in')!) as {
      responseTab: string;
    };
    const answers = () => emulator.spreadsheets.values(responseTab).flat().map(String);
    const attention = () => rows(emulator, 'Attention').map((r) => String(r.Why));
    expect(answers()).toContain(NOTE);
    expect(attention().some((why) => why.includes(NOTE))).toBe(true);

    const seen: string[] = [];
    emulator.rt.dialogs = {
      alert: (_title, text, buttons) => {
        seen.push(text);
        return buttons.includes('YES') ? 'YES' : 'OK';
      },
      prompt: () => ({ button: 'OK', text: 'me1@example.org' }),
    };
    const stored = [...emulator.properties.stores.script.values]
      .filter(([key]) => key.startsWith('form:'))
      .reduce(
        (n, [, ref]) =>
          n + (emulator.forms.data((JSON.parse(ref) as { id: string }).id)?.responses.length ?? 0),
        0,
      );
    const run = click(emulator, 'Erase a person');
    expect(run.ok).toBe(true);
    // A question's title is looked up only for an answer that looks like their code: their one
    // check-in answer (the other mentee's answers cost no lookup). Each form's answers are read once,
    // though the search is made before the question and again after Yes.
    expect(run.calls.get('ItemResponse.getItem')).toBe(1);
    expect(run.calls.get('FormResponse.getItemResponses')).toBeLessThanOrEqual(stored);

    expect(answers()).not.toContain(NOTE);
    expect(attention().some((why) => why.includes(NOTE))).toBe(false);
    const mine = rows(emulator, 'CheckIns').filter((r) => r['Person ID'] === 'ME-001');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      Name: 'Erased',
      Round: 1,
      Status: 'Answered',
      'For the coordinator': '',
      'How it is going (1–5)': '',
    });
    // The other mentee's answer is theirs, and stays.
    const theirs = rows(emulator, 'CheckIns').filter((r) => r['Person ID'] === 'ME-002');
    expect(theirs[0]).toMatchObject({ Status: 'Answered', 'How it is going (1–5)': 4 });
    expect(seen.join('\n')).toMatch(
      /1 check-in or continuation answer of theirs: blanked in the response tabs; Google's copies inside those forms, found by their personal code, are deleted/,
    );
    expect(seen.at(-1)).not.toMatch(/by hand \(the rows starting/);
    expect(seen.at(-1)).toMatch(/1 response row, 1 response inside the forms/);
    // Google's own copy inside the check-in form is gone; the other mentee's stays.
    const kept = emulator.forms.data(formId(emulator, 'check-in'))!.responses;
    expect(kept.some((r) => r.answers.some((a) => String(a.value) === NOTE))).toBe(false);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.answers.some((a) => String(a.value).startsWith('ME-002:'))).toBe(true);
  });
});
