/** The calendar workflows the entry wires: the menu action, its continuation and set-up's step. */
export { continueCalendarSync, sendCalendarInvites } from './sendCalendarInvites';
export { CALENDAR_ID_KEY, ensureProgrammeCalendar } from './programmeCalendar';
