import { ALLOWED_PLACEHOLDERS } from '../../domain/default-templates';
import { renderTemplate, type Template, templateProblems } from '../../domain/templates';
import type { PlannedEmail } from './queue';

/**
 * Refuses, before anything is queued, templates the coordinator broke (an unknown {{placeholder}},
 * an empty subject): the message names the template and the placeholders it may use.
 */
export function assertTemplatesUsable(
  templates: ReadonlyMap<string, Template>,
  keys: readonly string[],
): void {
  const used = [...new Set(keys)].map((k) => templates.get(k)).filter((t): t is Template => t !== undefined);
  const allowed = Object.fromEntries(keys.map((k) => [k, ALLOWED_PLACEHOLDERS[k] ?? []]));
  const problems = templateProblems(used, allowed);
  if (problems.length > 0)
    throw new Error(`Nothing was sent. Please fix the Templates tab first:\n${problems.join('\n')}`);
}

/** One planned email from a template: the Outbox stores its subject and plain-text body. */
export function renderEmail(
  templates: ReadonlyMap<string, Template>,
  templateKey: string,
  email: { key: string; to: string; name: string; values: Record<string, string>; blockedBy?: string },
): PlannedEmail {
  const template = templates.get(templateKey);
  if (!template)
    throw new Error(`There is no "${templateKey}" template. Run Mentoring → Set up programme to restore it.`);
  const rendered = renderTemplate(template, email.values);
  return {
    key: email.key,
    to: email.to,
    name: email.name,
    template: templateKey,
    subject: rendered.subject,
    body: rendered.text,
    links: rendered.links,
    blockedBy: email.blockedBy,
  };
}
