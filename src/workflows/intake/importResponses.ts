import type { Ports } from '../../ports';
import type { Budget } from '../budget';
import { importChoices } from '../choices/importChoices';
import { formRef } from '../context';
import { importApplications } from './importApplications';

/**
 * The one form-submit trigger: a response in the choices tab is a mentee's choices; anything else
 * is an application. With no tab named (a continuation), both are caught up.
 */
export function importResponses(ports: Ports, budget: Budget, tab?: string): string {
  const choicesTab = formRef(ports, 'choices')?.responseTab;
  const parts: string[] = [];
  if (tab === undefined || tab === choicesTab) {
    const c = importChoices(ports);
    parts.push(`choices: ${c.imported} new, ${c.updated} updated`);
  }
  if (tab === undefined || tab !== choicesTab) {
    const a = importApplications(ports, budget);
    parts.push(`applications: ${a.imported} new, ${a.updated} updated`);
  }
  return parts.join('; ');
}
