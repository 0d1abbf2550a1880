import { meetCodeFor } from './ids';
import { type CalendarEvent, isJsonObject, type JsonValue } from './types';

type ConferenceData = GoogleAppsScript.Calendar.Schema.ConferenceData;

/** What Meet makes of a request once it is done: a room, or nothing. */
export type ConferenceOutcome = 'success' | 'failure';

/**
 * The conference an event ends up with after a write. With conferenceDataVersion 0 (the default)
 * the body's conferenceData is ignored in silence and the event keeps what it had ([official]
 * CAL/v3/reference/events/insert: "conferenceDataVersion … 0 … ignores conference data"; observed
 * silent in fazer-ai/agents PR #33). With version 1:
 * - a createRequest for Meet is answered `pending`, with no entry points and no hangoutLink: the
 *   room is made later ([official] ConferenceRequestStatus "pending: the conference create request
 *   is still being processed"; [observed] twentyhq/twenty PR #22231 "the initial events.insert
 *   response may not yet contain conferenceData"). `settle` finishes it on a later read;
 * - a repeated requestId is ignored ([official] "If an ID provided is the same as for the previous
 *   request, the request is ignored");
 * - `null` removes the conference; a body without conferenceData keeps it on patch, drops it on
 *   update (update replaces the whole event);
 * - a solution other than hangoutsMeet fails at once (this emulator only knows Meet).
 */
export function resolveConference(
  body: JsonValue | undefined,
  hasKey: boolean,
  existing: ConferenceData | undefined,
  options: { version: number; replace: boolean },
): ConferenceData | undefined {
  if (options.version < 1) return existing;
  if (!hasKey) return options.replace ? undefined : existing;
  if (body === null) return undefined;
  if (!isJsonObject(body)) return existing;
  const request = body.createRequest;
  if (!isJsonObject(request)) return existing;
  const requestId = String(request.requestId ?? '');
  if (existing?.createRequest?.requestId === requestId) return existing;
  const key = isJsonObject(request.conferenceSolutionKey)
    ? String(request.conferenceSolutionKey.type ?? '')
    : '';
  if (key !== 'hangoutsMeet') return failed(requestId, key);
  return {
    createRequest: {
      requestId,
      conferenceSolutionKey: { type: 'hangoutsMeet' },
      status: { statusCode: 'pending' },
    },
  };
}

/** True while Meet is still making the event's room. */
export function isPending(event: CalendarEvent): boolean {
  return event.conferenceData?.createRequest?.status?.statusCode === 'pending';
}

function failed(requestId: string, type: string): ConferenceData {
  return { createRequest: { requestId, conferenceSolutionKey: { type }, status: { statusCode: 'failure' } } };
}

/**
 * The conference of a pending request once Meet is done: `success` with the entry points filled
 * ("the conference create request succeeded, the entry points are populated"), or `failure`
 * ("there are no entry points"). The room is the same for the same request on the same event.
 */
export function settledConference(
  requestId: string,
  outcome: ConferenceOutcome,
  seed: string,
): ConferenceData {
  if (outcome === 'failure') return failed(requestId, 'hangoutsMeet');
  const code = meetCodeFor(`${seed}:${requestId}`);
  return {
    createRequest: {
      requestId,
      conferenceSolutionKey: { type: 'hangoutsMeet' },
      status: { statusCode: 'success' },
    },
    entryPoints: [
      { entryPointType: 'video', uri: `https://meet.google.com/${code}`, label: `meet.google.com/${code}` },
    ],
    conferenceSolution: {
      key: { type: 'hangoutsMeet' },
      name: 'Google Meet',
      iconUri:
        'https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/logo_meet_2020q4_color_2x_web_512dp.png',
    },
    conferenceId: code,
  };
}

/** The Meet link of an event, if it has one (what the API puts in `hangoutLink`). */
export function meetLinkOf(event: CalendarEvent): string | undefined {
  return event.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video')?.uri;
}
