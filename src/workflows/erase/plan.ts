import { PERSONAL_CODE_TITLE } from '../../domain/forms/spec';
import { textOf, trimmedText } from '../../domain/text';
import type { Ports, RowValues, Table } from '../../ports';
import { COHORT_FORMS, type FormKey, formRef } from '../context';
import { ATTENTION, CHECK_IN } from '../keepInTouch/tabs';
import { outboxStatus } from '../outbox/queue';
import { APPLICANT, CHOICE, LAUNCH, MATCH, OUTBOX, TAB } from '../tabs';
import { blankedRow, ERASED_NAME, type Identity, isAddress, Scrubber } from './scrub';

/** The changes to one tab: its rows that are the person's, and other rows that mention them. */
export interface TabErasure {
  readonly table: Table;
  readonly changes: Map<number, RowValues>;
  /** Rows that belong to the person (their application, their response, an email to them). */
  readonly own: number;
  /** Other rows whose text mentioned them (rewritten, except in response tabs: see below). */
  readonly mentions: number;
}

export interface ResponseTab {
  readonly form: FormKey;
  readonly formId: string;
  readonly erasure: TabErasure;
  /** Cells of other people's answers that mention the person: left as given, for the coordinator. */
  readonly otherMentions: number;
}

export interface ErasurePlan {
  readonly email: string;
  readonly ids: readonly string[];
  readonly scrubber: Scrubber;
  readonly applicants: TabErasure | null;
  readonly responses: readonly ResponseTab[];
  readonly outbox: TabErasure | null;
  readonly choices: TabErasure | null;
  readonly matches: TabErasure | null;
  /** The launch's running order: a mentor's row names them and their library service. */
  readonly launch: TabErasure | null;
  readonly checkIns: TabErasure | null;
  readonly attention: TabErasure | null;
  readonly log: TabErasure | null;
}

/** Applicants columns that stay: the ID keeps numbering and counts coherent; the dates are not personal. */
export const APPLICANT_KEEP = [
  APPLICANT.id,
  APPLICANT.role,
  APPLICANT.status,
  APPLICANT.submittedAt,
  APPLICANT.submissions,
  APPLICANT.history,
];
/**
 * Choices columns that stay. The submission history (timestamps only) must stay: intake knows a
 * response by its address and time, and the blanked response row now has no address, so the history
 * under an empty address is what stops it coming back as a new response.
 */
export const CHOICE_KEEP = [CHOICE.menteeId, CHOICE.submittedAt, CHOICE.submissions, CHOICE.history];
/** Launch columns that stay: the running order keeps its shape; who the mentor was goes. */
export const LAUNCH_KEEP = [LAUNCH.order, LAUNCH.mentorId, LAUNCH.minutes];
/** Outbox statuses that could still lead to a send (by the continuation or "Retry failed emails"). */
export const UNSENT = new Set(['queued', 'failed', 'unconfirmed']);
export const NOT_SENT_NOTE = 'Not sent: the person asked for their data to be erased.';

const read = (ports: Pick<Ports, 'workbook'>, name: string): Table | null =>
  name !== '' && ports.workbook.hasTab(name) ? ports.workbook.read(name) : null;

/** Where one cohort's data is: the usual tabs, or an earlier cohort's kept under its year. */
export interface ErasureTabs {
  readonly applicants: string;
  readonly choices: string;
  readonly outbox: string;
  readonly matches: string;
  readonly launch: string;
  readonly checkIns: string;
  readonly attention: string;
  readonly log: string;
  readonly responses: ReadonlyArray<{ form: FormKey; formId: string; responseTab: string }>;
}

/** The current cohort's tabs and its forms' response tabs. */
export function currentTabs(ports: Pick<Ports, 'store'>): ErasureTabs {
  return {
    applicants: TAB.applicants,
    choices: TAB.choices,
    outbox: TAB.outbox,
    matches: TAB.matches,
    launch: TAB.launch,
    checkIns: TAB.checkIns,
    attention: TAB.attention,
    log: TAB.log,
    responses: COHORT_FORMS.flatMap((form) => {
      const ref = formRef(ports, form);
      return ref ? [{ form, formId: ref.id, responseTab: ref.responseTab }] : [];
    }),
  };
}

/**
 * Everything Cohort holds about one address, found in one read per tab, with the change each row
 * needs. Nothing is written here: the coordinator sees the counts and confirms first.
 */
export function planErasure(
  ports: Pick<Ports, 'workbook' | 'store'>,
  email: string,
  keyToken: (outbox: Table) => string,
  where: ErasureTabs = currentTabs(ports),
): ErasurePlan {
  const applicants = read(ports, where.applicants);
  const choices = read(ports, where.choices);
  const outbox = read(ports, where.outbox);
  const ownApplicants = applicants?.rows.filter((r) => isAddress(r.values[APPLICANT.email], email)) ?? [];
  const ownChoices = choices?.rows.filter((r) => isAddress(r.values[CHOICE.email], email)) ?? [];
  const ownOutbox = outbox?.rows.filter((r) => isAddress(r.values[OUTBOX.to], email)) ?? [];
  const ids = [
    ...new Set(
      [
        ...ownApplicants.map((r) => r.values[APPLICANT.id]),
        ...ownChoices.map((r) => r.values[CHOICE.menteeId]),
      ]
        .map(trimmedText)
        .filter(Boolean),
    ),
  ];
  const names = [
    ...ownApplicants.map((r) => r.values[APPLICANT.name]),
    ...ownChoices.map((r) => r.values[CHOICE.mentee]),
    ...ownOutbox.map((r) => r.values[OUTBOX.name]),
  ].map(textOf);
  const who: Identity = { email, names };
  const scrubber = new Scrubber(who);
  return {
    email,
    ids,
    scrubber,
    applicants: applicants && eraseApplicants(applicants, email, scrubber),
    responses: responseTabs(ports, email, ids, scrubber, where.responses),
    outbox: outbox && eraseOutbox(outbox, email, ids, scrubber, keyToken(outbox)),
    choices: choices && eraseChoices(choices, email, scrubber),
    matches: (() => {
      const matches = read(ports, where.matches);
      return matches && eraseMatches(matches, ids, scrubber);
    })(),
    launch: (() => {
      const launch = read(ports, where.launch);
      return launch && eraseLaunch(launch, ids, scrubber);
    })(),
    checkIns: (() => {
      const checkIns = read(ports, where.checkIns);
      return checkIns && eraseCheckIns(checkIns, ids, scrubber);
    })(),
    attention: (() => {
      const attention = read(ports, where.attention);
      return attention && eraseAttention(attention, ids, scrubber);
    })(),
    log: (() => {
      const log = read(ports, where.log);
      return log && mentionsOnly(log, scrubber);
    })(),
  };
}

function tabErasure(
  table: Table,
  own: (row: Table['rows'][number]) => RowValues | null,
  scrubber: Scrubber,
): TabErasure {
  const changes = new Map<number, RowValues>();
  let owned = 0;
  let mentions = 0;
  for (const row of table.rows) {
    const mine = own(row);
    if (mine) {
      changes.set(row.rowNumber, mine);
      owned++;
      continue;
    }
    const scrubbed = scrubber.row(row.values);
    if (scrubbed) {
      changes.set(row.rowNumber, scrubbed);
      mentions++;
    }
  }
  return { table, changes, own: owned, mentions };
}

function eraseApplicants(table: Table, email: string, scrubber: Scrubber): TabErasure {
  return tabErasure(
    table,
    (row) =>
      isAddress(row.values[APPLICANT.email], email)
        ? blankedRow(table.headers, APPLICANT_KEEP, {
            [APPLICANT.name]: ERASED_NAME,
            [APPLICANT.status]: 'Withdrawn',
          })
        : null,
    scrubber,
  );
}

function eraseChoices(table: Table, email: string, scrubber: Scrubber): TabErasure {
  return tabErasure(
    table,
    (row) =>
      isAddress(row.values[CHOICE.email], email)
        ? blankedRow(table.headers, CHOICE_KEEP, { [CHOICE.mentee]: ERASED_NAME })
        : null,
    scrubber,
  );
}

/**
 * Emails to the person keep their row (the ledger must still say an email with this key went, or
 * was never to go) but lose the address, name and text; the address inside the key becomes a random
 * token. One that could still be sent is marked skipped. Emails to others that mention the person
 * (a pair announcement names the other side) have the mention rewritten.
 */
/** What an email about the erased person to someone else (their pair) says once they are erased. */
export const PARTNER_NOTE =
  'This email was about someone whose data has since been erased at their request; its text was removed.';

function eraseOutbox(
  table: Table,
  email: string,
  ids: readonly string[],
  scrubber: Scrubber,
  token: string,
): TabErasure {
  const base = tabErasure(
    table,
    (row) => {
      if (!isAddress(row.values[OUTBOX.to], email)) return null;
      const unsent = UNSENT.has(outboxStatus(row.values[OUTBOX.status]));
      return {
        [OUTBOX.key]: keyWithout(textOf(row.values[OUTBOX.key]), email, token),
        [OUTBOX.to]: '',
        [OUTBOX.name]: '',
        [OUTBOX.subject]: '',
        [OUTBOX.body]: '',
        [OUTBOX.error]: unsent ? NOT_SENT_NOTE : '',
        ...(unsent ? { [OUTBOX.status]: 'skipped' } : {}),
      };
    },
    scrubber,
  );
  // A key of someone else's email may hold the address too: it is rewritten the same way.
  for (const row of table.rows) {
    const key = textOf(row.values[OUTBOX.key]);
    const change = base.changes.get(row.rowNumber);
    if (change?.[OUTBOX.key] !== undefined || !key.toLowerCase().includes(email)) continue;
    base.changes.set(row.rowNumber, { ...(change ?? {}), [OUTBOX.key]: keyWithout(key, email, token) });
  }
  // An email to someone else about them (their pair's introduction, a correction, an ending: its
  // key names their ID) held their name, address and library service: its text goes, whole.
  const about = (key: string) => ids.some((id) => id && key.split(':').slice(2).includes(id));
  for (const row of table.rows) {
    const key = textOf(row.values[OUTBOX.key]);
    if (isAddress(row.values[OUTBOX.to], email) || !about(key)) continue;
    const change = base.changes.get(row.rowNumber) ?? {};
    base.changes.set(row.rowNumber, { ...change, [OUTBOX.body]: PARTNER_NOTE });
  }
  return base;
}

/** A mentor's row in the launch's running order keeps its place (order, ID, minutes), not them. */
function eraseLaunch(table: Table, ids: readonly string[], scrubber: Scrubber): TabErasure {
  return tabErasure(
    table,
    (row) =>
      ids.includes(trimmedText(row.values[LAUNCH.mentorId]))
        ? blankedRow(table.headers, LAUNCH_KEEP, { [LAUNCH.mentor]: ERASED_NAME })
        : null,
    scrubber,
  );
}

function keyWithout(key: string, email: string, token: string): string {
  const at = key.toLowerCase().indexOf(email);
  return at < 0
    ? key
    : keyWithout(`${key.slice(0, at)}${token}${key.slice(at + email.length)}`, email, token);
}

/**
 * Matches rows hold names and ids, no address. A pair with the person is no longer a pair: a
 * Proposed or Locked one becomes Unmatched, so "Announce pairs" never introduces anyone to them;
 * an Announced one Ends.
 */
function eraseMatches(table: Table, ids: readonly string[], scrubber: Scrubber): TabErasure {
  const has = (v: unknown) => ids.includes(trimmedText(v));
  return tabErasure(
    table,
    (row) => {
      const mentee = has(row.values[MATCH.menteeId]);
      const mentor = has(row.values[MATCH.mentorId]);
      if (!mentee && !mentor) return null;
      const status = trimmedText(row.values[MATCH.status]).toLowerCase();
      const broken = status === 'proposed' || status === 'locked';
      // An introduced pair is over: it ends (the partner is told by the next Announce pairs or Run
      // matching, without the erased person's name).
      const ended = status === 'announced';
      return {
        ...(scrubber.row(row.values) ?? {}),
        ...(mentee ? { [MATCH.mentee]: ERASED_NAME } : {}),
        ...(mentor ? { [MATCH.mentor]: ERASED_NAME } : {}),
        ...(broken
          ? { [MATCH.status]: 'Unmatched', [MATCH.reason]: 'One of the pair withdrew; run matching again.' }
          : {}),
        ...(ended ? { [MATCH.status]: 'Ended', [MATCH.ended]: 'One of the pair left the scheme' } : {}),
      };
    },
    scrubber,
  );
}

/**
 * CheckIns columns that stay on the person's own rows: the round, dates and status say a check-in
 * went and was answered, which is not personal; the answers and the note are theirs and go.
 */
const CHECK_IN_KEEP = [
  CHECK_IN.personId,
  CHECK_IN.role,
  CHECK_IN.round,
  CHECK_IN.sentOn,
  CHECK_IN.answeredOn,
  CHECK_IN.status,
  CHECK_IN.submissions,
  CHECK_IN.history,
];

/** Their own check-ins lose the answers; the pair label names them on both sides' rows. */
function eraseCheckIns(table: Table, ids: readonly string[], scrubber: Scrubber): TabErasure {
  return tabErasure(
    table,
    (row) => {
      if (!ids.includes(trimmedText(row.values[CHECK_IN.personId]))) return null;
      const pair = textOf(row.values[CHECK_IN.pair]);
      return blankedRow(table.headers, CHECK_IN_KEEP, {
        [CHECK_IN.name]: ERASED_NAME,
        [CHECK_IN.pair]: scrubber.text(pair),
      });
    },
    scrubber,
  );
}

/**
 * A matter listed from one of their check-ins ("low:", "note:", "coach:" + their ID) may quote their
 * note: its words go, the Key stays so that it is not listed again. Others have the mention rewritten.
 */
function eraseAttention(table: Table, ids: readonly string[], scrubber: Scrubber): TabErasure {
  const theirs = (key: string) => /^(low|note|coach):/.test(key) && ids.includes(key.split(':')[1] ?? '');
  return tabErasure(
    table,
    (row) =>
      theirs(trimmedText(row.values[ATTENTION.key]))
        ? {
            ...(scrubber.row(row.values) ?? {}),
            [ATTENTION.person]: ERASED_NAME,
            [ATTENTION.reason]: 'From a check-in by a person since erased.',
          }
        : null,
    scrubber,
  );
}

function mentionsOnly(table: Table, scrubber: Scrubber): TabErasure {
  return tabErasure(table, () => null, scrubber);
}

/**
 * A check-in or continuation answer carries no address, only the code of the link it came from,
 * which starts with the person's ID ("ME-004:MR-001:2.…"): one of theirs, whether or not it checks.
 */
export const codePrefix = (id: string) => `${id}:`;

function codeOf(value: RowValues[string] | undefined, ids: readonly string[]): boolean {
  const code = typeof value === 'string' ? value.trim() : '';
  return ids.some((id) => code.startsWith(codePrefix(id)));
}

/**
 * The rows of the form response tabs given by the person (any answer equal to the address). Every
 * cell but the Timestamp is blanked: the one change Cohort ever makes to a raw response row, because
 * the law asks for it; the timestamp stays so the row is still known to intake as already taken in.
 * Other people's answers are never changed, only counted when they mention the person.
 */
function responseTabs(
  ports: Pick<Ports, 'workbook' | 'store'>,
  email: string,
  ids: readonly string[],
  scrubber: Scrubber,
  forms: ErasureTabs['responses'],
): ResponseTab[] {
  const out: ResponseTab[] = [];
  for (const ref of forms) {
    const { form } = ref;
    if (!ref.responseTab || !ports.workbook.hasTab(ref.responseTab)) continue;
    const table = ports.workbook.read(ref.responseTab);
    const changes = new Map<number, RowValues>();
    let otherMentions = 0;
    for (const row of table.rows) {
      const theirs =
        Object.values(row.values).some((v) => isAddress(v, email)) ||
        codeOf(row.values[PERSONAL_CODE_TITLE], ids);
      if (theirs) changes.set(row.rowNumber, blankedRow(table.headers, ['Timestamp']));
      else otherMentions += Object.values(row.values).filter((v) => scrubber.mentions(v)).length;
    }
    out.push({
      form,
      formId: ref.formId,
      erasure: { table, changes, own: changes.size, mentions: 0 },
      otherMentions,
    });
  }
  return out;
}
