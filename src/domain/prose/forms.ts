/**
 * The forms' words beyond their questions: what each form says at the top and after sending, and
 * the help under its questions (by item key). Set up programme, a new cohort, the choices and the
 * keep-in-touch runs write them when they make a form or add a question; intake reads answers by
 * the questions' titles alone (forms/spec.ts, forms/keepInTouch.ts), so it never needs these.
 */
import type { FormKey } from '../forms/spec';
import { EMERGING_LEADER_MAJOR_CHANGE } from '../scheme';

export interface FormWords {
  /** Said at the top, after anything the form's builder puts first (the programme and its deadline). */
  readonly description: string;
  readonly confirmation: string;
  /** The help under each question, by item key. */
  readonly help: Readonly<Record<string, string>>;
}

const code = (what: string) =>
  `Filled in for you when you open the link in your email: please leave it as it is. It makes sure ${what}.`;

function application(role: 'mentor' | 'mentee'): FormWords {
  const mentor = role === 'mentor';
  return {
    description: [
      'The scheme is open to Heads of Service and emerging library leaders in England, Wales, Northern Ireland and the Crown Dependencies.',
      'Places are limited, so you can apply as a mentor or as a mentee, but not as both.',
    ].join('\n\n'),
    confirmation: `Thank you for applying to be ${mentor ? 'a mentor' : 'a mentee'}. We have sent a confirmation to your email address.`,
    help: {
      email: 'We will send everything about the scheme to this address.',
      libraryService: 'For example: Leeds Libraries',
      responsibility: `Only if you chose "${EMERGING_LEADER_MAJOR_CHANGE}". A sentence or two is plenty.`,
      areas: 'Tick all that apply.',
      ...(mentor ? { capacity: 'Most mentors take one. You can take up to three.' } : {}),
      statement: mentor
        ? 'Mentees will read a summary of this when choosing a mentor.'
        : 'This helps us match you with the right mentor.',
      consentData:
        'We use your details only to select participants, match mentors and mentees, and send you information about the scheme.',
      consentEvaluation: 'Taking part in the evaluation is voluntary and does not affect your application.',
    },
  };
}

export const FORM_WORDS: Readonly<Record<FormKey, FormWords>> = {
  mentor: application('mentor'),
  mentee: application('mentee'),
  choices: {
    description:
      'Please choose three mentors you would like to work with, in order of preference. Each mentor introduces themselves below, ' +
      'in the order they spoke at the launch event, so you can choose whether or not you were there. ' +
      'We will use your choices, together with the needs in your application, to match you with a mentor.',
    confirmation: 'Thank you. We will email you when mentors and mentees have been matched.',
    help: {
      code: code('nobody else can choose for you'),
      email: 'The same address you applied with.',
    },
  },
  'check-in': {
    description:
      'Four short questions about how your mentoring is going. Your answers reach only the coordinator.',
    confirmation: 'Thank you. If you asked for something, we will be in touch.',
    help: {
      code: code('your check-in counts as yours'),
      met: 'For the first check-in: since you were introduced. Online or in person, it all counts.',
      note: 'Optional. Only the coordinator reads this.',
      coach:
        'The scheme’s professional coach offers one-to-ones to mentors and mentees. If you say yes, we pass on your name and address, nothing else.',
    },
  },
  continuation: {
    description:
      'The programme ends with the finale. Many pairs keep meeting afterwards: would you like to? Your mentoring partner is asked too.',
    confirmation: 'Thank you. After the finale we will write to you both about what happens next.',
    help: {
      code: code('your answer counts as yours'),
      continues: 'Only the coordinator sees your answer. If you both say yes, we will tell you both.',
    },
  },
};
