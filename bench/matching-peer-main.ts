/**
 * One peer solver as a whole process, as the benchmark runs it (built to dist/node/matching-peer.js):
 *   node dist/node/matching-peer.js munkres|highs INSTANCE.json RESULT.json
 * RESULT.json: { pairs: [{ mentee, mentor }], objective } with the objective the peer could take.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import loadHighs from 'highs';
import type { MatchInstance } from '../src/domain/matching';
import { FULL, peerProblem, solveWithHighs, solveWithMunkres, WITHOUT_BALANCE } from './matching-peers';

async function main(): Promise<void> {
  const [solver, instancePath, outPath] = process.argv.slice(2);
  if ((solver !== 'munkres' && solver !== 'highs') || !instancePath || !outPath)
    throw new Error('usage: matching-peer munkres|highs INSTANCE.json RESULT.json');
  const problem = peerProblem(JSON.parse(readFileSync(instancePath, 'utf8')) as MatchInstance);
  const { chosen, objective } =
    solver === 'munkres'
      ? solveWithMunkres(problem)
      : {
          chosen: solveWithHighs(await loadHighs(), problem),
          objective: problem.balance ? FULL : WITHOUT_BALANCE,
        };
  const id = (i: number, j: number) => ({ mentee: problem.mentees[i]!.id, mentor: problem.mentors[j]!.id });
  writeFileSync(outPath, JSON.stringify({ pairs: chosen.map((p) => id(p.mentee, p.mentor)), objective }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
