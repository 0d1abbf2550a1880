import { match } from '../../../src/domain/matching';
import { bruteForceTiers } from './support/bruteForce';
import { mentee, mentor } from './support/people';

const AREA = Array.from({ length: 32 }, (_, k) => `area ${k + 1}`);

describe('match: people who list many areas', () => {
  it('pairs unchosen mentees on the areas they share when mentors list all 32 areas of a word of bits', () => {
    const instance = {
      mentors: [
        mentor('M1', 'Kent', 1, AREA),
        mentor('M2', 'Devon', 1, AREA.slice(0, 31)),
        mentor('M3', 'Leeds', 1, AREA.slice(16)),
      ],
      mentees: [
        mentee('E1', 'Devon', ['area 32', 'area 1']),
        mentee('E2', 'Kent', ['area 31', 'area 2']),
        mentee('E3', 'Bath', ['area 17', 'area 32']),
      ],
      options: { allowUnchosen: true },
    };
    const result = match(instance);
    expect(result.pairs.map((p) => [p.mentee, p.mentor, p.sharedAreas])).toEqual([
      ['E1', 'M1', ['area 32', 'area 1']],
      ['E2', 'M2', ['area 31', 'area 2']],
      ['E3', 'M3', ['area 17', 'area 32']],
    ]);
    expect(result.summary.tiers).toEqual(bruteForceTiers(instance));
  });
});
