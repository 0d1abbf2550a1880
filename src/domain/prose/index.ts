/**
 * Prose: the long default texts Cohort writes once, for people to read and edit — each email's words
 * (the Templates tab). The build writes them to `prose.html` beside `Code.js`: Apps Script parses
 * every script file at every execution (each click, trigger and form response), and these are needed
 * only when something writes them (Set up programme, a new cohort). Code reaches them through the
 * ProseSource port, and imports nothing from this folder but the `Prose` type.
 */
import { TEMPLATE_WORDS, type TemplateWords } from './templates';

export interface Prose {
  /** Each email's default subject and body, by template key (default-templates.ts: their placeholders). */
  readonly templates: Readonly<Record<string, TemplateWords>>;
}

export const PROSE: Prose = { templates: TEMPLATE_WORDS };
