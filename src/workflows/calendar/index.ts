/** The calendar workflows the entry wires: the menu action, its continuation and set-up's step. */

export { CALENDAR_ID_KEY, ensureProgrammeCalendar } from './programmeCalendar';
export { continueCalendarSync, sendCalendarInvitesAction } from './sendCalendarInvites';
