/**
 * Prose: the long default texts Cohort writes once, for people to read and edit — each email's words
 * (the Templates tab), each setting's note (the Settings tab), the scheme's dates (the Programme tab)
 * what the forms say beyond their questions and the columns' header notes. The build writes them to `prose.html` beside
 * `Code.js`: Apps Script parses every script file at every execution (each click, trigger and form
 * response), and these are needed only when something writes them (Set up programme, a new cohort,
 * a form being made). Code reaches them through the ProseSource port, and imports nothing from this
 * folder but its types.
 */
import type { FormKey } from '../forms/spec';
import type { ProgrammeDate } from '../scheme';
import type { SettingKey } from '../settings';
import { COLUMN_NOTES } from './columns';
import { FORM_WORDS, type FormWords } from './forms';
import { PROGRAMME_2025 } from './programme';
import { SETTING_NOTES, SETTING_NOTES_BEFORE } from './settings';
import { TEMPLATE_WORDS, type TemplateWords } from './templates';

export interface Prose {
  /** Each email's default subject and body, by template key (default-templates.ts: their placeholders). */
  readonly templates: Readonly<Record<string, TemplateWords>>;
  /** What the Settings tab's Note column says of each setting. */
  readonly settingNotes: Readonly<Record<SettingKey, string>>;
  /** Notes earlier versions wrote, which Set up programme brings up to date (settings.ts). */
  readonly settingNotesBefore: Readonly<Partial<Record<SettingKey, readonly string[]>>>;
  /** The scheme's dates, as the Programme tab first lists them. */
  readonly programme: readonly ProgrammeDate[];
  /** What each form says beyond its questions: its description, its thank-you, the help under them. */
  readonly forms: Readonly<Record<FormKey, FormWords>>;
  /** What a column's header note says, by tab and header, for the columns that need a word. */
  readonly columnNotes: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const PROSE: Prose = {
  templates: TEMPLATE_WORDS,
  settingNotes: SETTING_NOTES,
  settingNotesBefore: SETTING_NOTES_BEFORE,
  programme: PROGRAMME_2025,
  forms: FORM_WORDS,
  columnNotes: COLUMN_NOTES,
};
