import type { MailMessage } from '../mail/SentMail';
import { guestsOf, sameAddress } from './attendees';
import { meetLinkOf } from './conference';
import { type ChangedField, changedFields } from './eventResource';
import { toIcs } from './ics';
import type { CalendarEvent, EventAttendee } from './types';
import { describeWhen } from './when';

/** One of Google's invitation emails, in the shape MailModule.deliver records (no MailApp quota). */
export type InvitationMessage = MailMessage & { via: 'Calendar' };

/** What the Calendar module needs of the mail module (MailModule has it). */
export interface InvitationMailer {
  deliver(message: InvitationMessage): unknown;
}

export type SendUpdates = 'all' | 'externalOnly' | 'none';

export type InvitationKind = 'Invitation' | 'Updated invitation' | 'Canceled event';

/** One email Google sends for a write, and what kind it is. */
export interface Notification {
  readonly kind: InvitationKind;
  readonly to: string;
  readonly message: InvitationMessage;
}

export interface InvitationContext {
  /** The calendar's owner: the organiser, and the account the emails come from. */
  owner: string;
  calendarZone: string;
  now: number;
  sendUpdates: SendUpdates;
  /** Instant the event ends: no updates go to guests of past events [official, support 9123539]. */
  endMs: number;
  /** True for a guest with a Google Calendar (`externalOnly` does not mail them). */
  usesGoogleCalendar: (email: string) => boolean;
}

/** What changed, as the update email lists it; `guests` when only the guest list did. */
type Change = ChangedField | 'guests';

const liveGuests = (e: CalendarEvent | null): EventAttendee[] =>
  e && e.status !== 'cancelled' ? guestsOf(e.attendees) : [];

const without = (list: EventAttendee[], other: EventAttendee[]): EventAttendee[] =>
  list.filter((a) => !other.some((b) => sameAddress(a.email, b.email)));

/**
 * The emails Google sends for one write that changed the event (`before` null for an insert;
 * `after` cancelled for a remove), one per guest:
 * - a new guest gets an invitation (METHOD:REQUEST);
 * - a guest taken off, or every guest of a cancelled event, gets a cancellation (METHOD:CANCEL)
 *   ([observed] gemini-cli-extensions/workspace#433, conorbronsdon/gws-mcp-server PR #35);
 * - every guest who stays gets an updated invitation, whatever changed: also when only the guest
 *   list did ([observed] googleapis/google-api-nodejs-client#3310: "all the attendees will
 *   receive an email every time a new attendee is added", open since 2023 with no other answer).
 * `externalOnly` keeps the guests without a Google Calendar; `none` sends nothing.
 */
export function invitationsFor(
  before: CalendarEvent | null,
  after: CalendarEvent,
  ctx: InvitationContext,
): Notification[] {
  if (ctx.sendUpdates === 'none' || ctx.endMs <= ctx.now) return [];
  const mailed = (g: EventAttendee) => ctx.sendUpdates === 'all' || !ctx.usesGoogleCalendar(g.email ?? '');
  const was = liveGuests(before).filter(mailed);
  const is = liveGuests(after).filter(mailed);
  const messages: Notification[] = [];
  for (const guest of without(is, was)) messages.push(message('Invitation', after, guest, [], ctx));
  for (const guest of without(was, is)) {
    messages.push(message('Canceled event', { ...after, attendees: [guest] }, guest, [], ctx));
  }
  if (before && before.status !== 'cancelled' && after.status !== 'cancelled') {
    const guestsChanged =
      without(liveGuests(after), liveGuests(before)).length +
        without(liveGuests(before), liveGuests(after)).length >
      0;
    const changed: Change[] = [
      ...changedFields(before, after),
      ...(guestsChanged ? ['guests' as const] : []),
    ];
    for (const guest of is.filter((g) => was.some((w) => sameAddress(w.email, g.email)))) {
      messages.push(message('Updated invitation', after, guest, changed, ctx));
    }
  }
  return messages;
}

function message(
  kind: InvitationKind,
  event: CalendarEvent,
  guest: EventAttendee,
  changed: Change[],
  ctx: InvitationContext,
): Notification {
  const method = kind === 'Canceled event' ? 'CANCEL' : 'REQUEST';
  const email = guest.email ?? '';
  // [uncertain] With "guests can see other guests" off, a guest's invitation is taken to list only
  // the organiser and that guest (Google hides the others in the event; its emails are not checked).
  const view: CalendarEvent =
    event.guestsCanSeeOtherGuests === false
      ? {
          ...event,
          attendees: (event.attendees ?? []).filter((a) => a.organizer || sameAddress(a.email, email)),
        }
      : event;
  return { kind, to: email, message: envelope(kind, view, email, changed, ctx, method) };
}

function envelope(
  kind: InvitationKind,
  event: CalendarEvent,
  email: string,
  changed: Change[],
  ctx: InvitationContext,
  method: 'REQUEST' | 'CANCEL',
): InvitationMessage {
  const organizer = event.organizer;
  return {
    via: 'Calendar',
    from: ctx.owner,
    ...(organizer?.displayName ? { fromName: organizer.displayName } : {}),
    to: [email],
    cc: [],
    bcc: [],
    replyTo: ctx.owner,
    subject: `${kind}: ${event.summary ?? '(No title)'} @ ${describeWhen(event, ctx.calendarZone)} (${email})`,
    body: bodyText(kind, event, changed, ctx),
    calendar: { method, ics: toIcs([event], method, ctx.now, ctx.calendarZone) },
  };
}

const LEAD: Record<InvitationKind, string> = {
  Invitation: 'You have been invited to the following event.',
  'Updated invitation': 'This event has been updated.',
  'Canceled event': 'This event has been cancelled and removed from your calendar.',
};

function bodyText(
  kind: InvitationKind,
  event: CalendarEvent,
  changed: Change[],
  ctx: InvitationContext,
): string {
  const lines = [LEAD[kind], ''];
  if (changed.length > 0) lines.push(`Changed: ${changed.join(', ')}`, '');
  lines.push(event.summary ?? '(No title)', describeWhen(event, ctx.calendarZone), '');
  const link = meetLinkOf(event);
  if (link && kind !== 'Canceled event') lines.push('Join with Google Meet', link, '');
  if (event.location) lines.push('Location', event.location, '');
  if (event.description) lines.push(event.description, '');
  const org = event.organizer;
  lines.push(
    'Organiser',
    org?.displayName ? `${org.displayName} <${org.email}>` : (org?.email ?? ctx.owner),
    '',
  );
  const guests = event.attendees ?? [];
  if (guests.length > 0 && kind !== 'Canceled event') {
    lines.push(
      'Guests',
      ...guests.map((g) => `- ${g.displayName ? `${g.displayName} <${g.email}>` : g.email}`),
      '',
    );
  }
  lines.push('Invitation from Google Calendar (Cohort emulator)');
  return lines.join('\n');
}
