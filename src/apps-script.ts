/**
 * The Apps Script entry. Each export becomes a top-level function in dist/Code.js (see
 * scripts/build.mjs) that a menu item or trigger calls; each only wires the ports to one workflow.
 */

import { PropertiesStore } from './adapters/apps-script/PropertiesStore';
import { appsScriptPorts, installMenu } from './adapters/apps-script/ports';
import { startBudget } from './workflows/budget';
import { continueCalendarSync, sendCalendarInvites } from './workflows/calendar';
import { openMentorChoices } from './workflows/choices/openChoices';
import { readSettings, senderOf } from './workflows/context';
import { scheduleDecisions } from './workflows/decisions/scheduleDecisions';
import { sendDecisions } from './workflows/decisions/sendDecisions';
import { erasePerson } from './workflows/erase/erasePerson';
import { failureBanner } from './workflows/failures';
import { HANDLER } from './workflows/handlers';
import { checkApplications } from './workflows/intake/checkApplications';
import { importResponses } from './workflows/intake/importResponses';
import { announcePairs } from './workflows/matching/announcePairs';
import { runMatching } from './workflows/matching/runMatching';
import { MENU, MENU_TITLE } from './workflows/menu';
import { deliverOutbox } from './workflows/outbox/deliver';
import { retryFailedEmails } from './workflows/outbox/retry';
import { runAction } from './workflows/run';
import { setUpProgramme, setupSummary } from './workflows/setup';

const menuPorts = () => appsScriptPorts({ withUi: true });
const triggerPorts = () => appsScriptPorts({ withUi: false });

/** Simple trigger: the Mentoring menu, and a word about any failure since the last visit. */
export function onOpen(): void {
  installMenu(MENU_TITLE, MENU);
  const banner = failureBanner(new PropertiesStore());
  if (banner) SpreadsheetApp.getActiveSpreadsheet().toast(banner, 'Mentoring: needs attention', -1);
}

export function menuSetUp(): void {
  runAction(menuPorts(), 'Set up programme', (ports) => {
    const report = setUpProgramme(ports);
    ports.ui?.alert('Set up programme', setupSummary(report));
  });
}

/** Installable spreadsheet trigger: a form response arrived in one of the response tabs. */
export function onFormSubmitTrigger(e?: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const tab = e?.range ? e.range.getSheet().getName() : undefined;
  runAction(
    triggerPorts(),
    'New form response',
    (ports) => importResponses(ports, startBudget(ports.clock), tab),
    {
      onBusy: (ports) => ports.triggers.scheduleOnce(HANDLER.continueIntake, 60_000),
    },
  );
}

/** Time-driven: responses that could not be taken in earlier (they wait, safe, in their tabs). */
export function continueIntake(): void {
  runAction(
    triggerPorts(),
    'New form response',
    (ports) => importResponses(ports, startBudget(ports.clock)),
    {
      onBusy: (ports) => ports.triggers.scheduleOnce(HANDLER.continueIntake, 60_000),
    },
  );
}

/** Time-driven: sends what the Outbox still holds (after the quota or the time budget ran out). */
export function continueOutbox(): void {
  runAction(
    triggerPorts(),
    'Sending emails',
    (ports) => deliverOutbox(ports, senderOf(readSettings(ports).settings), startBudget(ports.clock)),
    {
      onBusy: (ports) => ports.triggers.scheduleOnce(HANDLER.continueOutbox, 60_000),
    },
  );
}

export function menuCheckApplications(): void {
  runAction(menuPorts(), 'Check applications', checkApplications);
}

export function menuSendDecisions(): void {
  runAction(menuPorts(), 'Send decisions', sendDecisions);
}

export function menuScheduleDecisions(): void {
  runAction(menuPorts(), 'Send decisions on…', scheduleDecisions);
}

/** Time-driven: the decisions the coordinator scheduled with "Send decisions on…". */
export function sendScheduledDecisions(): void {
  runAction(triggerPorts(), 'Send decisions', sendDecisions, {
    onBusy: (ports) => ports.triggers.scheduleOnce(HANDLER.scheduledDecisions, 60_000),
  });
}

export function menuRetryFailed(): void {
  runAction(menuPorts(), 'Retry failed emails', retryFailedEmails);
}

export function menuOpenChoices(): void {
  runAction(menuPorts(), 'Open mentor choices', openMentorChoices);
}

export function menuRunMatching(): void {
  runAction(menuPorts(), 'Run matching', runMatching);
}

export function menuAnnouncePairs(): void {
  runAction(menuPorts(), 'Announce pairs', announcePairs);
}

export function menuSendInvites(): void {
  runAction(menuPorts(), 'Send calendar invites', sendCalendarInvites);
}

/** Time-driven: the rest of a calendar sync that ran out of time or met a busy Google Calendar. */
export function continueCalendar(): void {
  runAction(triggerPorts(), 'Send calendar invites', continueCalendarSync, {
    onBusy: (ports) => ports.triggers.scheduleOnce(HANDLER.continueCalendar, 60_000),
  });
}

export function menuErasePerson(): void {
  runAction(menuPorts(), 'Erase a person', erasePerson);
}
