/**
 * `npm run bench`: figures, not pass/fail. Each section prints a table; what it measures and how is
 * said in its own file. `npm run bench -- bundle`, `-- matching`, `-- load` or `-- year` runs one section.
 */
import { benchBundle } from './bundle';
import { benchLoad, benchYear } from './load';
import { benchMatching } from './matching';

const SECTIONS: Record<string, () => Promise<string>> = {
  bundle: benchBundle,
  matching: benchMatching,
  load: benchLoad,
  year: benchYear,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => a in SECTIONS);
  for (const name of wanted.length ? wanted : Object.keys(SECTIONS)) {
    console.log(`\n== ${name} ==`);
    console.log(await SECTIONS[name]!());
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
