import { applicationForm } from '../../../src/domain/forms/spec';
import type { Role } from '../../../src/domain/status';

/** A complete, valid response keyed by question title, with answers overridden by item key. */
export function answersFor(role: Role, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    name: 'Siân ap Dafydd',
    email: 'Sian.ap.Dafydd@Cardiff.gov.uk',
    libraryService: 'Cardiff Libraries',
    nation: 'Wales',
    currentRole: 'Head of Service',
    responsibility: '',
    areas: 'Budgeting, Restructures',
    otherArea: '',
    capacity: role === 'mentor' ? 2 : '',
    statement: 'Twenty years in public libraries.',
    consentData: 'I agree',
    consentEvaluation: 'Yes, I am happy to take part',
    ...overrides,
  };
  const out: Record<string, unknown> = {};
  for (const item of applicationForm(role).items) {
    if (item.key in base) out[item.title] = base[item.key];
  }
  return out;
}

export const context = {
  submittedAt: new Date('2025-04-10T09:00:00Z'),
  deadline: new Date('2025-04-18T22:59:00Z'),
  eligibleNations: ['England', 'Wales', 'Northern Ireland', 'Crown Dependencies'],
  deadlineText: '18 April 2025',
};
