import type { Mentee, Mentor } from '../../../../src/domain/matching';

/** Small named fixtures: mentor(id, service, capacity, expertise), mentee(id, service, needs, choices). */
export const mentor = (
  id: string,
  organisation: string,
  capacity: number,
  expertise: string[] = [],
): Mentor => ({
  id,
  name: `Mentor ${id}`,
  organisation,
  capacity,
  expertise,
});

export const mentee = (
  id: string,
  organisation: string,
  needs: string[] = [],
  choices: string[] = [],
): Mentee => ({
  id,
  name: `Mentee ${id}`,
  organisation,
  needs,
  choices,
});
