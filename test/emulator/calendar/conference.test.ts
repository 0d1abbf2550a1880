import { CalendarModule } from '../../../src/emulator/calendar/CalendarModule';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import { APRIL, harness, launch, OWNER } from './harness';

const meet = (requestId: string) => ({
  createRequest: { requestId, conferenceSolutionKey: { type: 'hangoutsMeet' } },
});
const V1 = { conferenceDataVersion: 1 };
/** A Meet request as the event holds it, with Meet's answer so far and no room. */
const request = (requestId: string, statusCode: string) => ({
  createRequest: { requestId, conferenceSolutionKey: { type: 'hangoutsMeet' }, status: { statusCode } },
});
const LINK = /^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

describe('Meet rooms are made after the request (ConferenceRequestStatus pending → success)', () => {
  it('insert answers pending, with no link and no entry points', () => {
    const { Calendar } = harness();
    const e = Calendar.Events.insert({ ...launch(), conferenceData: meet('r1') }, 'primary', V1);
    expect(e.conferenceData).toEqual(request('r1', 'pending'));
    expect(e.hangoutLink).toBeUndefined();
    expect(e.conferenceData?.entryPoints).toBeUndefined();
  });

  it('is never ready within the execution that asked, however long it runs', () => {
    const { Calendar, rt } = harness();
    rt.begin('sync', 'menu', OWNER);
    const e = Calendar.Events.insert({ ...launch(), conferenceData: meet('r1') }, 'primary', V1);
    rt.clock.advance(5 * 60_000);
    expect(Calendar.Events.get('primary', e.id ?? '').hangoutLink).toBeUndefined();
    expect(Calendar.Events.list('primary').items?.[0]?.conferenceData?.createRequest?.status).toEqual({
      statusCode: 'pending',
    });
    rt.end();
    rt.begin('continue', 'trigger', OWNER);
    const later = Calendar.Events.get('primary', e.id ?? '');
    expect(later.hangoutLink).toMatch(LINK);
    expect(later.conferenceData?.createRequest?.status).toEqual({ statusCode: 'success' });
    expect(later.conferenceData?.entryPoints).toEqual([
      { entryPointType: 'video', uri: later.hangoutLink, label: (later.hangoutLink ?? '').slice(8) },
    ]);
    rt.end();
  });

  it('in the next execution only once its time has passed (5 s by default; configurable)', () => {
    const { Calendar, rt, module } = harness();
    module.limits.meetReadyAfterMs = 30_000;
    const e = Calendar.Events.insert({ ...launch(), conferenceData: meet('r1') }, 'primary', V1);
    rt.clock.advance(20_000);
    expect(Calendar.Events.list('primary').items?.[0]?.hangoutLink).toBeUndefined();
    rt.clock.advance(10_000);
    const link = Calendar.Events.list('primary').items?.[0]?.hangoutLink;
    expect(link).toMatch(LINK);
    expect(Calendar.Events.get('primary', e.id ?? '').hangoutLink).toBe(link);
  });

  it('can be allowed within the same execution, and can fail', () => {
    const { Calendar, rt, module } = harness();
    module.limits.meetReadyInSameExecution = true;
    module.conferenceOutcome = (id) => (id === 'bad' ? 'failure' : 'success');
    rt.begin('sync', 'menu', OWNER);
    const ok = Calendar.Events.insert({ ...launch(), conferenceData: meet('good') }, 'primary', V1);
    const bad = Calendar.Events.insert({ ...launch(), conferenceData: meet('bad') }, 'primary', V1);
    rt.clock.advance(5000);
    expect(Calendar.Events.get('primary', ok.id ?? '').hangoutLink).toMatch(LINK);
    const failed = Calendar.Events.get('primary', bad.id ?? '');
    expect(failed.conferenceData).toEqual(request('bad', 'failure'));
    expect(failed.hangoutLink).toBeUndefined();
    rt.end();
  });

  it('ignores a repeated requestId; a new one asks for a new room', () => {
    const { Calendar, rt } = harness();
    const e = Calendar.Events.insert({ ...launch(), conferenceData: meet('r1') }, 'primary', V1);
    rt.clock.advance(5000);
    const first = Calendar.Events.get('primary', e.id ?? '').hangoutLink;
    const same = Calendar.Events.patch({ conferenceData: meet('r1') }, 'primary', e.id ?? '', V1);
    expect(same.hangoutLink).toBe(first);
    const renewed = Calendar.Events.patch({ conferenceData: meet('r2') }, 'primary', e.id ?? '', V1);
    expect(renewed.conferenceData?.createRequest?.status?.statusCode).toBe('pending');
    expect(renewed.hangoutLink).toBeUndefined();
    rt.clock.advance(5000);
    const second = Calendar.Events.get('primary', e.id ?? '').hangoutLink;
    expect(second).toMatch(LINK);
    expect(second).not.toBe(first);
  });

  it('making the room emails nobody and is not a write of the script', () => {
    const { Calendar, rt, module, sent } = harness();
    const e = Calendar.Events.insert(
      { ...launch([{ email: 'sian@example.org' }]), conferenceData: meet('r1') },
      'primary',
      { ...V1, sendUpdates: 'all' },
    );
    const writes = module.writeCount;
    sent.length = 0;
    rt.clock.advance(5000);
    expect(Calendar.Events.get('primary', e.id ?? '').hangoutLink).toMatch(LINK);
    expect(sent).toEqual([]);
    expect(module.writeCount).toBe(writes);
  });

  it('a room still being made when the workspace is saved is ready after it is opened again', () => {
    const { Calendar, module, rt } = harness();
    rt.begin('sync', 'menu', OWNER);
    const e = Calendar.Events.insert({ ...launch(), conferenceData: meet('r1') }, 'primary', V1);
    rt.end();
    const state = JSON.parse(JSON.stringify(module.toState()));
    const reopened = new CalendarModule(
      new Runtime(APRIL + 60_000, OWNER),
      { deliver: () => undefined },
      { owner: OWNER, timeZone: 'Europe/London' },
    );
    reopened.fromState(state);
    expect(reopened.events()[0]?.hangoutLink).toBeUndefined();
    const Again = reopened.globals().Calendar as GoogleAppsScript.Calendar;
    expect(Again.Events.get('primary', e.id ?? '').hangoutLink).toMatch(LINK);
  });
});
