import type { Ports } from '../../ports';
import type { Budget } from '../budget';
import { importChoices } from '../choices/importChoices';
import { formRef } from '../context';
import { importCheckIns } from '../keepInTouch/importCheckIns';
import { importContinuation } from '../keepInTouch/importContinuation';
import { followUpCheckIns } from '../keepInTouch/keepInTouch';
import { importApplications } from './importApplications';

/**
 * The one form-submit trigger: a response in the choices tab is a mentee's choices, one in the
 * check-in or continuation tab a participant's answer; anything else is an application. With no tab
 * named (a continuation), all are caught up.
 */
export function importResponses(ports: Ports, budget: Budget, tab?: string): string {
  const choicesTab = formRef(ports, 'choices')?.responseTab;
  const checkInTab = formRef(ports, 'check-in')?.responseTab;
  const continuationTab = formRef(ports, 'continuation')?.responseTab;
  const parts: string[] = [];
  if (tab === undefined || tab === choicesTab) {
    const c = importChoices(ports);
    parts.push(`choices: ${c.imported} new, ${c.updated} updated`);
  }
  if (tab === undefined || tab === checkInTab) {
    const c = importCheckIns(ports);
    parts.push(`check-ins: ${c.answered} answered, ${c.review} for review`);
    // The coach hears of a request, and the coordinator's list grows, as the answer arrives; a run
    // cut off before this is finished by the next event for this tab or the morning's keep-in-touch.
    if (tab !== undefined || c.answered + c.review > 0) followUpCheckIns(ports);
  }
  if (tab === undefined || tab === continuationTab) {
    const c = importContinuation(ports);
    parts.push(`continuation answers: ${c.recorded} recorded, ${c.review} for review`);
  }
  if (tab === undefined || ![choicesTab, checkInTab, continuationTab].includes(tab)) {
    const a = importApplications(ports, budget);
    parts.push(`applications: ${a.imported} new, ${a.updated} updated`);
  }
  return parts.join('; ');
}
