/**
 * The Apps Script entry. Each export becomes a top-level function in dist/apps-script/Code.js (see
 * scripts/build.mjs) that a menu item or trigger calls; each only wires the ports to one workflow.
 */

import { PropertiesStore } from './adapters/apps-script/PropertiesStore';
import { appsScriptPorts, installMenu } from './adapters/apps-script/ports';
import { startBudget } from './workflows/budget';
import { continueCalendarSync, sendCalendarInvitesAction } from './workflows/calendar';
import { openMentorChoicesAction } from './workflows/choices/openChoices';
import { closeProgrammeAction } from './workflows/close/closeProgramme';
import { exportForEvaluatorAction } from './workflows/close/exportForEvaluator';
import { inviteEvaluationAction } from './workflows/close/inviteEvaluation';
import { startNextCohortAction } from './workflows/close/nextCohort';
import { retentionCheck as checkRetention } from './workflows/close/retentionCheck';
import { readSettings, senderOf } from './workflows/context';
import { scheduleDecisionsAction } from './workflows/decisions/scheduleDecisions';
import {
  sendDecisionsAction,
  sendScheduledDecisions as sendDecisionsNow,
} from './workflows/decisions/sendDecisions';
import { erasePersonAction } from './workflows/erase/erasePerson';
import { failureBanner } from './workflows/failures';
import { HANDLER } from './workflows/handlers';
import { checkApplications, checkText } from './workflows/intake/checkApplications';
import { importResponses } from './workflows/intake/importResponses';
import { keepInTouchAction, keepInTouchToday } from './workflows/keepInTouch/keepInTouch';
import { announcePairsAction } from './workflows/matching/announcePairs';
import { runMatchingAction } from './workflows/matching/runMatching';
import { MENU, MENU_TITLE } from './workflows/menu';
import { deliverOutbox } from './workflows/outbox/deliver';
import { retryFailedAction } from './workflows/outbox/retry';
import { direct, runMenuAction, runUnattended } from './workflows/run';
import { setUpProgramme, setupSummary } from './workflows/setup';

const menuPorts = () => appsScriptPorts({ withUi: true });
const triggerPorts = () => appsScriptPorts({ withUi: false });
/** A continuation that found the lock busy tries again a minute later. */
const retryIn = (handler: string) => ({
  onBusy: (ports: ReturnType<typeof triggerPorts>) => ports.triggers.scheduleOnce(handler, 60_000),
});

/** Simple trigger: the Mentoring menu, and a word about any failure since the last visit. */
export function onOpen(): void {
  installMenu(MENU_TITLE, MENU);
  const banner = failureBanner(new PropertiesStore());
  if (banner) SpreadsheetApp.getActiveSpreadsheet().toast(banner, 'Mentoring: needs attention', -1);
}

export function menuSetUp(): void {
  runMenuAction(
    menuPorts(),
    direct('Set up programme', (ports) => setupSummary(setUpProgramme(ports))),
  );
}

/** Installable spreadsheet trigger: a form response arrived in one of the response tabs. */
export function onFormSubmitTrigger(e?: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  // The ports first: their clock notes when the execution began (workflows/budget.ts).
  const ports = triggerPorts();
  const tab = e?.range ? e.range.getSheet().getName() : undefined;
  runUnattended(
    ports,
    'New form response',
    (ports) => importResponses(ports, startBudget(ports.clock), tab),
    retryIn(HANDLER.continueIntake),
  );
}

/** Time-driven: responses that could not be taken in earlier (they wait, safe, in their tabs). */
export function continueIntake(): void {
  runUnattended(
    triggerPorts(),
    'New form response',
    (ports) => importResponses(ports, startBudget(ports.clock)),
    retryIn(HANDLER.continueIntake),
  );
}

/** Time-driven: sends what the Outbox still holds (after the quota or the time budget ran out). */
export function continueOutbox(): void {
  runUnattended(
    triggerPorts(),
    'Sending emails',
    (ports) => deliverOutbox(ports, senderOf(readSettings(ports).settings), startBudget(ports.clock)),
    retryIn(HANDLER.continueOutbox),
  );
}

export function menuCheckApplications(): void {
  runMenuAction(
    menuPorts(),
    direct('Check applications', (ports) => checkText(checkApplications(ports))),
  );
}

export function menuSendDecisions(): void {
  runMenuAction(menuPorts(), sendDecisionsAction);
}

export function menuScheduleDecisions(): void {
  runMenuAction(menuPorts(), scheduleDecisionsAction);
}

/** Time-driven: the decisions the coordinator scheduled with "Send decisions on…". */
export function sendScheduledDecisions(): void {
  runUnattended(triggerPorts(), 'Send decisions', sendDecisionsNow, retryIn(HANDLER.scheduledDecisions));
}

export function menuRetryFailed(): void {
  runMenuAction(menuPorts(), retryFailedAction);
}

export function menuOpenChoices(): void {
  runMenuAction(menuPorts(), openMentorChoicesAction);
}

export function menuRunMatching(): void {
  runMenuAction(menuPorts(), runMatchingAction);
}

export function menuAnnouncePairs(): void {
  runMenuAction(menuPorts(), announcePairsAction);
}

export function menuSendInvites(): void {
  runMenuAction(menuPorts(), sendCalendarInvitesAction);
}

/** Time-driven: the rest of a calendar sync that ran out of time or met a busy Google Calendar. */
export function continueCalendar(): void {
  runUnattended(
    triggerPorts(),
    'Send calendar invites',
    continueCalendarSync,
    retryIn(HANDLER.continueCalendar),
  );
}

export function menuKeepInTouch(): void {
  runMenuAction(menuPorts(), keepInTouchAction);
}

/** Time-driven, every morning: the check-ins, nudges, continuation questions and thank-yous due. */
export function keepInTouchDaily(): void {
  runUnattended(triggerPorts(), 'Keep in touch', keepInTouchToday, retryIn(HANDLER.continueKeepInTouch));
}

/** Time-driven: keep-in-touch again, when the morning's run found another action running. */
export function continueKeepInTouch(): void {
  runUnattended(triggerPorts(), 'Keep in touch', keepInTouchToday, retryIn(HANDLER.continueKeepInTouch));
}

export function menuErasePerson(): void {
  runMenuAction(menuPorts(), erasePersonAction);
}

export function menuInviteEvaluation(): void {
  runMenuAction(menuPorts(), inviteEvaluationAction);
}

export function menuExportForEvaluator(): void {
  runMenuAction(menuPorts(), exportForEvaluatorAction);
}

export function menuCloseProgramme(): void {
  runMenuAction(menuPorts(), closeProgrammeAction);
}

/**
 * Time-driven, daily: reminds the coordinator when personal data falls due for erasure. A busy
 * lock is no matter: tomorrow's run reminds (the reminder is not due to the hour).
 */
export function retentionCheck(): void {
  runUnattended(triggerPorts(), 'Retention check', checkRetention, { onBusy: () => undefined });
}

export function menuStartNextCohort(): void {
  runMenuAction(menuPorts(), startNextCohortAction);
}
