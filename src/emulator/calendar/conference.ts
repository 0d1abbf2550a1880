import { meetCodeFor } from './ids';
import { type CalendarEvent, isJsonObject, type JsonValue } from './types';

type ConferenceData = GoogleAppsScript.Calendar.Schema.ConferenceData;

/**
 * The conference an event ends up with. With conferenceDataVersion 0 the body's conferenceData is
 * ignored and the event keeps what it had [official]. With version 1 a createRequest makes a Meet
 * conference at once (status success), a repeated requestId is ignored [official], `null` removes the
 * conference, and a body without conferenceData keeps it on patch and drops it on update.
 * A solution other than hangoutsMeet gets status failure and no entry points (this emulator only
 * knows Meet).
 */
export function resolveConference(
  body: JsonValue | undefined,
  hasKey: boolean,
  existing: ConferenceData | undefined,
  options: { version: number; replace: boolean; seed: string },
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
  if (key !== 'hangoutsMeet') {
    return {
      createRequest: { requestId, conferenceSolutionKey: { type: key }, status: { statusCode: 'failure' } },
    };
  }
  const code = meetCodeFor(`${options.seed}:${requestId}`);
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
