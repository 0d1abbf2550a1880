/**
 * Bad matching input, described so a coordinator can fix it, e.g.
 * "mentors[3] (id M12): capacity must be a whole number ≥ 1".
 */
export class MatchInputError extends Error {
  readonly code = 'MATCH_INPUT' as const;

  constructor(message: string) {
    super(message);
    this.name = 'MatchInputError';
  }
}
