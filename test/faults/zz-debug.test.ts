import { cleanRun, drawTrial, faultyRun } from './trial';
it('debug', () => {
  const clean = cleanRun();
  const seed = Number(process.env.SEED);
  const trial = drawTrial(seed, clean.profiles);
  const calls: string[] = [];
  faultyRun(trial, (e) => e.rt.faults.push((c, rt) => {
    if (rt.execution && rt.execution.id >= 8 && rt.execution.id <= 9) {
      calls.push(`${rt.execution.id}:${c} quota=${e.mail.remaining()} props=${JSON.stringify([...e.properties.stores.script.values].filter(([k]) => k.startsWith('outbox')))}`);
    }
  }));
  console.log(calls.join('\n'));
});
