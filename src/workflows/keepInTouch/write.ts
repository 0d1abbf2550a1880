import { checkInForm, continuationForm } from '../../domain/forms/keepInTouch';
import { PERSONAL_CODE_TITLE } from '../../domain/forms/spec';
import { ROLE_LABELS } from '../../domain/status';
import { isValidEmail, textOf } from '../../domain/text';
import { supportSentence } from '../../domain/wording';
import type { Ports, RowValues } from '../../ports';
import { baseValues, ensureCohortForm } from '../context';
import { CODE_MARKER, codeFor, personalLink } from '../identity';
import type { PlannedEmail } from '../outbox/queue';
import { renderEmail } from '../outbox/render';
import { arrangeTabs, writeFormsTab } from '../setup';
import { updateAsOneBlock } from '../write';
import type { Matter, NewCheckIn, WantedEmail } from './due';
import { type KeepInTouchState, listedMatters } from './state';
import { ATTENTION, attentionTab, CHECK_IN, checkInsTab } from './tabs';

type LinkForm = 'check-in' | 'continuation';

/** The check-in or continuation form (made the first time it is needed; its link stays the same). */
export function ensureKeepInTouchForm(
  ports: Ports,
  key: LinkForm,
  state: Pick<KeepInTouchState, 'settings'>,
) {
  const { settings } = state;
  const words = ports.prose.read().forms[key];
  const spec =
    key === 'check-in'
      ? checkInForm({ programmeName: settings.programmeName, support: supportSentence(settings), words })
      : continuationForm({ programmeName: settings.programmeName, words });
  const ref = ensureCohortForm(ports, key, spec);
  // Google puts a new form's response tab first: it goes after Cohort's. Every run that uses the
  // form, not only the one that made it: a run cut off in between leaves it first otherwise.
  arrangeTabs(ports);
  return ref;
}

/**
 * The wanted emails, rendered. Each personal link is the form's pre-filled link (made once per
 * form per run) with the person's signed code in it.
 */
export function renderWanted(
  ports: Ports,
  state: KeepInTouchState,
  wanted: readonly WantedEmail[],
): PlannedEmail[] {
  const templates = new Map<LinkForm, string>();
  const linkTemplate = (form: LinkForm) => {
    let template = templates.get(form);
    if (template === undefined) {
      const ref = ensureKeepInTouchForm(ports, form, state);
      template = ports.forms.prefilledUrl(ref.id, PERSONAL_CODE_TITLE, CODE_MARKER);
      templates.set(form, template);
    }
    return template;
  };
  const emails = wanted.map((w) => {
    const link = w.link
      ? {
          [w.link.placeholder]: personalLink(
            linkTemplate(w.link.purpose),
            codeFor(ports, w.link.purpose, w.link.codeId),
          ),
        }
      : {};
    return renderEmail(state.templates, w.template, {
      key: w.key,
      to: w.to.email,
      name: w.to.name,
      values: { ...baseValues(state.settings), ...w.values, ...link },
      blockedBy: isValidEmail(w.to.email) ? undefined : 'No valid email address: nothing can be sent.',
    });
  });
  if (templates.size > 0) writeFormsTab(ports);
  return emails;
}

/** A row for each check-in that went and has none yet: Waiting until its person answers. */
export function writeCheckInRows(ports: Ports, rows: readonly NewCheckIn[]): void {
  if (rows.length === 0) return;
  ports.workbook.ensureTab(checkInsTab);
  const table = ports.workbook.readHeader(checkInsTab);
  const now = ports.clock.now();
  ports.workbook.append(
    table,
    rows.map(
      (r): RowValues => ({
        [CHECK_IN.personId]: r.person.id,
        [CHECK_IN.name]: r.person.name,
        [CHECK_IN.role]: ROLE_LABELS[r.person.role],
        [CHECK_IN.pair]: r.pair.label,
        [CHECK_IN.round]: r.slot.round,
        [CHECK_IN.sentOn]: now,
        [CHECK_IN.status]: 'Waiting',
      }),
    ),
  );
}

/** The matters that are new, or whose words changed since they were listed. */
export function changedMatters(
  state: Pick<KeepInTouchState, 'attention'>,
  matters: readonly Matter[],
): Matter[] {
  const listed = listedMatters(state.attention);
  return matters.filter((m) => {
    const row = listed.get(m.key);
    return (
      !row ||
      textOf(row.values[ATTENTION.reason]) !== m.reason ||
      textOf(row.values[ATTENTION.pair]) !== m.pair ||
      textOf(row.values[ATTENTION.person]) !== m.person
    );
  });
}

/**
 * Puts matters on the Attention tab: a new one as a new Open row, a known one with its words brought
 * up to date. The coordinator's Status and notes are never touched. Returns how many are new.
 */
export function writeMatters(ports: Ports, matters: readonly Matter[]): number {
  if (matters.length === 0) return 0;
  ports.workbook.ensureTab(attentionTab);
  const table = ports.workbook.read(attentionTab);
  const listed = listedMatters(table);
  const now = ports.clock.now();
  const changes = new Map<number, RowValues>();
  const appends: RowValues[] = [];
  for (const m of matters) {
    const words = { [ATTENTION.pair]: m.pair, [ATTENTION.person]: m.person, [ATTENTION.reason]: m.reason };
    const row = listed.get(m.key);
    if (row) changes.set(row.rowNumber, words);
    else if (!appends.some((a) => a[ATTENTION.key] === m.key))
      appends.push({
        [ATTENTION.listedOn]: now,
        ...words,
        [ATTENTION.status]: 'Open',
        [ATTENTION.key]: m.key,
      });
  }
  updateAsOneBlock(ports, table, changes);
  ports.workbook.append(table, appends);
  return appends.length;
}
