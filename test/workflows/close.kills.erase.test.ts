/** See close.kills.helpers.ts: erasure and the next cohort, cut off at calls spread over their runs. */
import { click, rows } from '../support/cohort';
import { afterTheFinale, allCells, at, moveTo, personalCells } from './close.helpers';
import { saved, tabState, trials, withoutLog } from './close.kills.helpers';

describe('the closing actions cut off at any call', () => {
  it('Close the programme, after the retention period: everyone erased, the anonymous rows as an uncut run leaves them', async () => {
    const dir = await saved(() => {
      const e = afterTheFinale();
      moveTo(e, at('2025-12-01T10:00:00Z'));
      click(e, 'Close the programme');
      moveTo(e, at('2026-12-01T12:00:00Z'));
      return e;
    });
    await trials(dir, 'Close the programme', withoutLog, (e) => {
      expect(personalCells(allCells(e))).toEqual([]);
      expect(e.forms.toState().forms.every((f) => f.responses.length === 0)).toBe(true);
    });
  });

  it('Start the next cohort: the dates roll once, the tabs are kept once, two new forms', async () => {
    const dir = await saved(() => {
      const e = afterTheFinale();
      moveTo(e, at('2025-12-01T10:00:00Z'));
      click(e, 'Close the programme');
      moveTo(e, at('2026-01-05T10:00:00Z'));
      return e;
    });
    await trials(dir, 'Start the next cohort', (e) => ({
      settings: rows(e, 'Settings').map((r) => [r.Key, r.Value]),
      programme: rows(e, 'Programme').map((r) => [r.Key, r.Date, r['Event ID']]),
      tabs: tabState(e),
      archived: rows(e, '2025 Applicants'),
      open: e.forms
        .toState()
        .forms.filter((f) => f.acceptingResponses && f.destination)
        .map((f) => f.title)
        .sort(),
      year: e.properties.stores.script.values.get('cohort:current'),
      rollover: e.properties.stores.script.values.has('cohort:rollover'),
      formTriggers: e.script.triggers().filter((t) => t.kind === 'onFormSubmit').length,
    }));
  });
});
