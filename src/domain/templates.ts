/**
 * Email templates: { key, subject, body } with {{placeholders}}. The body is plain-text paragraphs
 * separated by blank lines; it renders to plain text and to HTML with every value escaped.
 */
import { escapeHtml } from './text';

export type Template = {
  key: string;
  subject: string;
  body: string;
  /** The placeholders this template may use; the sender must supply a value for each. */
  placeholders: readonly string[];
};

export type RenderedEmail = {
  subject: string;
  text: string;
  html: string;
  /** Placeholders used in the template with no value given; they render as ''. */
  missing: string[];
  /**
   * The links the email may make clickable: those written in the template itself, and the values
   * of Cohort's own URL placeholders (its forms, Meet). Never a link inside another value: a name
   * or a library service someone typed stays plain text.
   */
  links: string[];
};

/**
 * Placeholders whose values are Cohort's own URLs (its forms, Meet rooms, the Sheet) or links the
 * coordinator set in Settings: only these become links.
 */
export const URL_PLACEHOLDERS: ReadonlySet<string> = new Set([
  'formUrl',
  'meetLink',
  'sheetUrl',
  'handbookUrl',
  'videoUrl',
  // The handbook and video links in a sentence (resourcesText): their URLs, from Settings, are links.
  'resources',
  'checkInUrl',
  'surveyUrl',
  'profilesUrl',
]);

/** https:// links in text, without the punctuation that ends the sentence they are in. */
export function linksIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/https:\/\/[^\s<>"]+/g)) {
    const url = m[0].replace(/[.,;:!?)\]}'’”]+$/, '');
    if (url.length > 'https://'.length && !out.includes(url)) out.push(url);
  }
  return out;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** Placeholder names used in a template's subject and body, each once, in order of first use. */
export function placeholdersUsed(template: Pick<Template, 'subject' | 'body'>): string[] {
  const names: string[] = [];
  for (const m of `${template.subject}\n${template.body}`.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** The placeholders a template uses that are not in `allowed`. */
export function unknownPlaceholders(
  template: Pick<Template, 'subject' | 'body'>,
  allowed: readonly string[],
): string[] {
  return placeholdersUsed(template).filter((name) => !allowed.includes(name));
}

function fill(
  text: string,
  values: Readonly<Record<string, string>>,
  missing: Set<string>,
  encode: (s: string) => string,
): string {
  // One pass: a value that itself contains {{x}} is never expanded again.
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    const index = m.index ?? 0;
    const value = Object.getOwnPropertyDescriptor(values, name) !== undefined ? values[name] : undefined;
    if (typeof value !== 'string') missing.add(name);
    out += encode(text.slice(last, index)) + encode(typeof value === 'string' ? value : '');
    last = index + m[0].length;
  }
  return out + encode(text.slice(last));
}

const normaliseNewlines = (s: string) => s.replace(/\r\n?/g, '\n');

/**
 * Fills a template. Subject: one line (line breaks in values become spaces, so a value cannot add a
 * mail header). Text: as written. HTML: each paragraph a <p>, each line break a <br>, every value and
 * every bit of template text escaped.
 */
export function renderTemplate(
  template: Pick<Template, 'subject' | 'body'>,
  values: Readonly<Record<string, string>>,
): RenderedEmail {
  const missing = new Set<string>();
  const plain = (s: string) => s;
  const subject = fill(template.subject, values, missing, plain).replace(/\s+/g, ' ').trim();
  const body = normaliseNewlines(template.body).trim();
  // A paragraph that a placeholder left empty (a note that does not apply) is dropped.
  const text = fill(body, values, missing, (s) => normaliseNewlines(s))
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/[ \t]+$/gm, ''))
    .filter((p) => p.trim() !== '')
    .join('\n\n');
  const html = body
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const inner = fill(p, values, missing, (s) =>
        escapeHtml(normaliseNewlines(s)).replace(/\n/g, '<br>\n'),
      );
      return `<p>${inner}</p>`;
    })
    .join('\n');
  const links = linksIn(`${template.subject}\n${template.body}`.replace(PLACEHOLDER, ' '));
  for (const name of placeholdersUsed(template)) {
    const value = values[name];
    if (URL_PLACEHOLDERS.has(name) && typeof value === 'string')
      for (const url of linksIn(value)) if (!links.includes(url)) links.push(url);
  }
  return { subject, text, html, missing: [...missing], links };
}

/**
 * Problems in words for a set of templates (e.g. as edited in a Templates tab): a required key
 * missing, an empty subject or body, or a placeholder the template does not allow.
 */
export function templateProblems(
  templates: readonly Template[],
  allowedByKey: Readonly<Record<string, readonly string[]>>,
): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(allowedByKey)) {
    if (!templates.some((t) => t.key === key)) problems.push(`Template ${key} is missing.`);
  }
  for (const t of templates) {
    const allowed = allowedByKey[t.key] ?? t.placeholders;
    if (t.subject.trim() === '') problems.push(`Template ${t.key} has no subject.`);
    if (t.body.trim() === '') problems.push(`Template ${t.key} has no text.`);
    // A placeholder mistyped ("{{name}", "{{first name}}") would reach every reader as typed.
    const stray = /.{0,20}(\{\{|\}\}).{0,20}/.exec(`${t.subject}\n${t.body}`.replace(PLACEHOLDER, '…'));
    if (stray)
      problems.push(
        `Template ${t.key} has braces that are not a placeholder like {{name}}: "${stray[0].trim()}". Correct or remove them.`,
      );
    for (const name of unknownPlaceholders(t, allowed)) {
      problems.push(
        `Template ${t.key} uses {{${name}}}, which is not known. Known: ${allowed.map((a) => `{{${a}}}`).join(', ')}.`,
      );
    }
  }
  return problems;
}

/** Throws one Error listing every problem `templateProblems` finds; returns quietly when there are none. */
export function assertTemplatesUsable(
  templates: readonly Template[],
  allowedByKey: Readonly<Record<string, readonly string[]>>,
): void {
  const problems = templateProblems(templates, allowedByKey);
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

export {
  ALLOWED_PLACEHOLDERS,
  acknowledgementKey,
  decisionKey,
  defaultTemplates,
  pairAnnouncementKey,
  TEMPLATE_KEYS,
} from './default-templates';
