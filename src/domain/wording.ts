/**
 * Sentences that depend on the moment and the person: what an email says about the launch before
 * and after it, the real reason for a "no", what is wrong with an application and what to do, who
 * to turn to. Pure: the workflow passes today's date (in the programme's zone) and the facts.
 */
import { formatDayDate, formatProgrammeDate } from './dates';
import { CROSS_ROLE_PROBLEM } from './intake/cross-role';
import type { ProgrammeDate } from './scheme';
import type { Role } from './status';

/** The launch event: the Programme row whose key is `launch` (the scheme's "speed dating"). */
export function launchOf(programme: readonly ProgrammeDate[]): ProgrammeDate | undefined {
  return programme.find((p) => p.key === 'launch');
}

/**
 * Whether the launch event is over at `now`, a wall-clock time 'YYYY-MM-DD HH:mm' in its zone (it
 * ends at its End time, or with its day); given a date alone, only once that day has passed.
 */
export function launchIsOver(launch: ProgrammeDate, now: string): boolean {
  return `${launch.date} ${launch.end || '23:59'}` <= now;
}

/**
 * What a "you have a place" email says about the launch: what happens there while it is still to
 * come; after it (`now` as launchIsOver reads it), what happens instead (so nobody promoted from the
 * waiting list in June is told "at the launch you will meet the mentors").
 */
export function launchNote(role: Role, launch: ProgrammeDate | undefined, now: string): string {
  if (!launch) return '';
  if (!launchIsOver(launch, now)) {
    const when = formatProgrammeDate(launch);
    return role === 'mentor'
      ? `At the launch event (${when}) you will have two minutes to tell the mentees about your experience and a little about yourself.`
      : `At the launch event (${when}) you will meet the mentors. Afterwards we will send you a link to choose three you would like to work with; if you cannot come, you can still choose, from the profiles on the form.`;
  }
  return role === 'mentor'
    ? 'The launch event has already taken place: the mentees choose from the profile made from your application.'
    : 'The launch event has already taken place: we will send you a link to choose three mentors, with a profile of each mentor to read.';
}

const has = (problems: readonly string[], start: string) => problems.some((p) => p.startsWith(start));

/** The real reason for a "not selected" decision, from the application's problems. */
export function notSelectedReason(problems: readonly string[], eligibleNations: readonly string[]): string {
  if (has(problems, 'Nation not eligible'))
    return `The scheme is open to members in ${nationsText(eligibleNations)} only, so I am sorry that we are not able to offer you a place.`;
  if (has(problems, 'Submitted after the deadline'))
    return 'Your application arrived after the deadline, when the places had already been decided, so I am sorry that we are not able to offer you a place this time.';
  if (problems.includes(CROSS_ROLE_PROBLEM))
    return 'You applied both as a mentor and as a mentee, and the scheme allows one role per person: we have kept your other application, and I am sorry that we cannot offer you a place in this role.';
  return 'We had many more applications than places and, I am sorry to say, we are not able to offer you a place this time.';
}

/** What the acknowledgement of an application with a problem says: what is wrong, what to do. */
export function problemNote(
  problems: readonly string[],
  role: Role,
  facts: { eligibleNations: readonly string[]; deadline: string },
): string {
  const notes: string[] = [];
  if (has(problems, 'Nation not eligible'))
    notes.push(
      `the scheme is open to members in ${nationsText(facts.eligibleNations)} only, so we are unlikely to be able to offer you a place. If your library service is in one of them, please reply and tell us`,
    );
  if (has(problems, 'Submitted after the deadline'))
    notes.push(
      `your application arrived after the deadline (${facts.deadline}): we can consider it only if places remain`,
    );
  if (problems.includes(CROSS_ROLE_PROBLEM))
    notes.push(
      `you have also applied as a ${role === 'mentor' ? 'mentee' : 'mentor'}, and the scheme allows one role per person: please reply to tell us which one you would like to keep`,
    );
  const missing = problems.filter((p) => p.startsWith('Missing answer: ')).map((p) => p.slice(16));
  if (missing.length)
    notes.push(`some answers were missing (${missing.join(', ')}): please send the form again with them`);
  if (notes.length === 0) return '';
  return `Please note: ${notes.join('; and ')}.`;
}

/** Whether an application may expect a place: only then is it asked to keep the dates free. */
export function mayExpectPlace(problems: readonly string[]): boolean {
  return !has(problems, 'Nation not eligible') && !has(problems, 'Submitted after the deadline');
}

/**
 * When applicants hear whether they have a place: the Programme tab's confirmation date (the scheme's
 * 25 April), while it is still to come; '' once it has passed or when the tab has no such row.
 */
export function confirmationNote(dates: readonly ProgrammeDate[], fromDate: string): string {
  const confirmation = dates.find((d) => d.key === 'confirmation' && d.date >= fromDate);
  return confirmation
    ? `We aim to let you know by email on ${formatDayDate(confirmation.date)} whether you have a place.`
    : '';
}

/**
 * The eligible nations in a sentence, as the scheme words them: "England, Wales, Northern Ireland and
 * the Crown Dependencies" (a plural name such as Crown Dependencies or Channel Islands takes "the").
 */
export function nationsText(nations: readonly string[]): string {
  return listed(
    nations.map((n) => (/^(crown dependencies|channel islands)$/i.test(n.trim()) ? `the ${n.trim()}` : n)),
  );
}

/** "England, Wales and Northern Ireland" */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Who to turn to, from Settings: the coach and the contact, when they are filled in. */
/**
 * The programme's resources, a line each, when Settings has them: the handbook (with its templates
 * for planning meetings) and the mentoring video. '' when neither is set, so the paragraph goes.
 */
export function resourcesText(s: { handbookUrl: string; videoUrl: string }): string {
  return [
    s.handbookUrl ? `The mentoring handbook, with templates to plan your meetings: ${s.handbookUrl}` : '',
    s.videoUrl ? `A short video about mentoring: ${s.videoUrl}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * The coach for one-to-ones, then who to talk to if things go wrong between a mentor and a mentee.
 * `paired: false` (someone whose pairing has just ended) leaves the second out: there is no "you"
 * for it to be between.
 */
export function supportSentence(
  s: { coachName: string; coachEmail: string; contactName: string; contactEmail: string },
  { paired = true }: { paired?: boolean } = {},
): string {
  const coach = s.coachName
    ? `${s.coachName}, the scheme’s professional coach and supervisor, is there for one-to-ones${s.coachEmail ? ` (${s.coachEmail})` : ''}.`
    : '';
  const contact =
    paired && s.contactName
      ? `If things go wrong between you, you can also talk to ${s.contactName}${s.contactEmail ? ` (${s.contactEmail})` : ''}.`
      : '';
  return [coach, contact].filter(Boolean).join(' ');
}
