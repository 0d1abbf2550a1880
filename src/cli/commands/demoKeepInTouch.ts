/**
 * The demo's year after the introductions: the morning run sends the check-ins and most people
 * answer them (one asks for the coach, one says it is going badly, one pair never answers: it is
 * nudged, then put on the coordinator's list), the continuation question in October and its
 * answers, and the thank-you after the finale.
 */
import { CHECK_IN_ITEMS, CONTINUATION_ITEMS } from '../../domain/forms/keepInTouch';
import type { Emulator } from '../../emulator/Emulator';
import { rowsOf } from '../edit';
import { linkAnswers } from '../participant';
import type { DemoStep } from './demo';

const at = (iso: string) => Date.parse(iso);
const title = (items: typeof CHECK_IN_ITEMS, key: string) => items.find((i) => i.key === key)!.title;

type MoveTo = (emulator: Emulator, when: number) => void;

interface Side {
  readonly email: string;
  /** The partner's name, as the email about them says it. */
  readonly partner: string;
  readonly pair: string;
}

/** Each person's check-in of `round`, from the CheckIns tab, with their address and partner. */
function checkInsOf(emulator: Emulator, round: number): Side[] {
  const emails = new Map(rowsOf(emulator, 'Applicants').map((r) => [String(r.ID), String(r.Email)]));
  return rowsOf(emulator, 'CheckIns')
    .filter((r) => Number(r.Round) === round && r.Status === 'Waiting')
    .map((r) => {
      const pair = String(r.Pair);
      // "Mentee name (ME-001) with Mentor name (MR-002)": the partner is the other side.
      const [mentee = '', mentor = ''] = pair.split(' with ').map((s) => s.replace(/ \([A-Z]{2}-\d+\)$/, ''));
      return {
        email: emails.get(String(r['Person ID'])) ?? '',
        partner: r.Role === 'Mentee' ? mentor : mentee,
        pair,
      };
    });
}

function submit(emulator: Emulator, formKey: string, answers: Record<string, string>): void {
  const raw = emulator.properties.stores.script.values.get(`form:${formKey}`);
  if (!raw) return;
  const submission = emulator.forms.submit((JSON.parse(raw) as { id: string }).id, answers);
  if (submission) emulator.deliverFormSubmit(submission);
}

/** Everyone answers round `round` but the first pair; the answers vary as people's do. */
function answerCheckIns(round: number, moveTo: MoveTo, when: string): DemoStep {
  return {
    title: `${when.slice(0, 10)} participants answer check-in ${round} (one pair stays silent)`,
    run: (emulator) => {
      moveTo(emulator, at(when));
      const sides = checkInsOf(emulator, round);
      const silent = sides[0]?.pair;
      sides
        .filter((s) => s.pair !== silent)
        .forEach((s, i) => {
          emulator.advance(17 * 60_000);
          const worried = round === 1 && i === 4;
          submit(emulator, 'check-in', {
            ...linkAnswers(emulator, s.email, /How is your mentoring going/, `with ${s.partner}:`),
            [title(CHECK_IN_ITEMS, 'met')]: i % 5 === 3 ? 'No' : 'Yes',
            [title(CHECK_IN_ITEMS, 'rating')]: worried ? '2' : String(3 + (i % 3)),
            ...(worried
              ? {
                  [title(CHECK_IN_ITEMS, 'note')]: 'We keep having to cancel: I am not sure this is working.',
                }
              : {}),
            [title(CHECK_IN_ITEMS, 'coach')]: round === 1 && i === 1 ? 'Yes' : 'No',
          });
        });
    },
  };
}

/** Each side answers the continuation question: most would like to keep meeting. */
function answerContinuation(moveTo: MoveTo, when: string): DemoStep {
  return {
    title: `${when.slice(0, 10)} pairs answer the continuation question`,
    run: (emulator) => {
      moveTo(emulator, at(when));
      const emails = new Map(rowsOf(emulator, 'Applicants').map((r) => [String(r.ID), String(r.Email)]));
      const pairs = rowsOf(emulator, 'Matches').filter((r) => r.Status === 'Announced');
      pairs.slice(1).forEach((r, i) => {
        const mentee = String(r.Mentee);
        const mentor = String(r.Mentor).replace(/ \(.*\)$/, '');
        const sides = [
          { email: emails.get(String(r['Mentee ID'])) ?? '', partner: mentor, answer: 'Yes' },
          {
            email: emails.get(String(r['Mentor ID'])) ?? '',
            partner: mentee,
            answer: i % 4 === 2 ? 'No' : i % 4 === 3 ? 'Not sure yet' : 'Yes',
          },
        ];
        for (const side of sides) {
          emulator.advance(23 * 60_000);
          submit(emulator, 'continuation', {
            ...linkAnswers(emulator, side.email, /keep meeting/, `You and ${side.partner} are`),
            [title(CONTINUATION_ITEMS, 'continues')]: side.answer,
          });
        }
      });
    },
  };
}

function wait(moveTo: MoveTo, when: string, what: string): DemoStep {
  return { title: `${when.slice(0, 10)} ${what}`, run: (emulator) => moveTo(emulator, at(when)) };
}

export function keepInTouchSteps(moveTo: MoveTo): DemoStep[] {
  return [
    wait(moveTo, '2025-06-17T09:00:00Z', 'the first check-ins go (the morning run, 7am)'),
    answerCheckIns(1, moveTo, '2025-06-18T08:00:00Z'),
    wait(
      moveTo,
      '2025-07-08T09:00:00Z',
      'the silent pair was nudged on 24 June; now it is on the Attention tab',
    ),
    answerCheckIns(2, moveTo, '2025-07-16T08:00:00Z'),
    wait(moveTo, '2025-10-28T09:00:00Z', 'check-ins every 4 weeks; the continuation question goes'),
    answerContinuation(moveTo, '2025-10-29T08:00:00Z'),
    wait(moveTo, '2025-11-26T09:00:00Z', 'after the finale: a thank-you to everyone, with what follows'),
  ];
}
