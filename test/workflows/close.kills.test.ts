/** See close.kills.helpers.ts: each closing action cut off at calls spread over its run. */
import { rows } from '../support/cohort';
import { afterTheFinale, at, moveTo } from './close.helpers';
import { exportShape, saved, sentTo, strayFilesHoldData, trials } from './close.kills.helpers';

describe('the closing actions cut off at any call', () => {
  it('Invite to the evaluation: each invitation goes once', async () => {
    const dir = await saved(afterTheFinale);
    await trials(dir, 'Invite to the evaluation', (e) => {
      const to = sentTo(e, 'Help us evaluate the mentoring scheme');
      const unsure = rows(e, 'Outbox')
        .filter((r) => r.Status === 'unconfirmed')
        .map((r) => r.To);
      // A cut between a send and its record leaves that one "may have gone", never sent twice.
      return { to: [...new Set([...to, ...unsure.map(String)])].sort(), twice: to.length - new Set(to).size };
    });
  });

  it('Export for the evaluator: one file holds the export, as an uncut run makes it', async () => {
    const dir = await saved(afterTheFinale);
    await trials(dir, 'Export for the evaluator', exportShape, (e) =>
      expect(strayFilesHoldData(e)).toBe(false),
    );
  });

  it('Close the programme, after the end: the summary, the export and the closed forms, once', async () => {
    const dir = await saved(() => {
      const e = afterTheFinale();
      moveTo(e, at('2025-12-01T10:00:00Z'));
      return e;
    });
    await trials(
      dir,
      'Close the programme',
      (e) => ({
        summary: rows(e, '2025 Summary'),
        export: exportShape(e),
        forms: e.forms.toState().forms.map((f) => f.acceptingResponses),
        daily: e.script.triggers().filter((t) => t.handler === 'retentionCheck').length,
      }),
      (e) => expect(strayFilesHoldData(e)).toBe(false),
    );
  });
});
