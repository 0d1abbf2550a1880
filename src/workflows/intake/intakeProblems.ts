import { count } from '../../domain/intake/history';

/**
 * Problems intake writes that the answers alone do not show (so "Check applications", which
 * re-reads the answers, keeps them), and the bound on how many a row lists.
 */
export const intakeProblem = {
  unreadable: (tab: string, row: number, why: string) =>
    `Could not take in row ${row} of ${tab} (${why.slice(0, 200)}); the answers are kept there`,
  typedDiffers: (typed: string) =>
    `Signed in with a different address from the one typed (${typed.slice(0, 100)}): the signed-in address counts`,
  noVerifiedAddress:
    'Sign-in is required, but the form recorded no signed-in address: the typed one was used',
  restored: (id: string, status: string) =>
    `This row had been deleted from the Applicants tab; Cohort put it back (${id}, last status ${status}). To remove someone, use Erase a person`,
  isFlood: (p: string) => /^\d[\d,]* submissions from this address/.test(p),
} as const;

const INTAKE_ONLY = [
  /^Could not take in row /,
  /^Signed in with a different address/,
  /^Sign-in is required, but/,
  /^This row had been deleted from the Applicants tab/,
  /^\d[\d,]* submissions from this address/,
  /^The email address held invisible characters/,
  // The Applicants row holds the shortened answer: only the response showed it was longer.
  / was shortened to [\d,]+ characters$/,
];

/** The problems among `problems` only intake can know (the answers do not show them). */
export function intakeOnly(problems: readonly string[]): string[] {
  return problems.filter((p) => INTAKE_ONLY.some((re) => re.test(p)));
}

/** At most this many problems are listed on a row; the rest are counted. */
export const MAX_PROBLEMS = 12;

/** The problems, each once, at most MAX_PROBLEMS of them, then "… and N more": a cell stays small. */
export function keepIntakeProblems(problems: readonly string[]): string[] {
  const unique = [...new Set(problems.filter((p) => !/^… and [\d,]+ more problems?$/.test(p)))];
  if (unique.length <= MAX_PROBLEMS) return unique;
  const rest = unique.length - (MAX_PROBLEMS - 1);
  return [...unique.slice(0, MAX_PROBLEMS - 1), `… and ${count(rest)} more problems`];
}
