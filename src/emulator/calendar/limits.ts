/**
 * How strict the emulated Calendar is. The defaults are Google's published figures for a consumer
 * account, or the strict reading where Google publishes none.
 */
export interface CalendarLimits {
  /**
   * Events one account may create per day: 5,000 for a consumer account, 10,000 for Workspace
   * ([official] AS/guides/services/quotas "Calendar events created"). Past it an insert fails
   * with `Calendar usage limits exceeded.` (403 usageLimits, [official] CAL/guides/errors).
   */
  eventsPerDay: number;
  /**
   * Invitations one account may send per day to guests outside its domain before Google's spam
   * prevention answers `Calendar usage limits exceeded.`; null for no limit (the default).
   * [observed] manjeshpv/gsuite-google-calendar-api-limits: about 100 for a new account, then
   * about one per 40 minutes; D. Pescariu's guide (2026): "rate limited … almost immediately"
   * with sendUpdates all; issuetracker 321394804 calls it intended.
   */
  externalInvitationsPerDay: number | null;
  /**
   * How long Meet takes to make a room after the request. Google gives no figure ([official]
   * only "still being processed"); 5 s is the strict default.
   */
  meetReadyAfterMs: number;
  /**
   * Whether the room may be ready within the execution that asked. Default false: a script must
   * not count on reading the link back at once (public code re-reads once; it may still be pending).
   */
  meetReadyInSameExecution: boolean;
  /** Domains whose addresses have a Google Calendar besides gmail.com, googlemail.com and the owner's. */
  googleDomains: readonly string[];
}

export const CONSUMER_LIMITS: CalendarLimits = {
  eventsPerDay: 5000,
  externalInvitationsPerDay: null,
  meetReadyAfterMs: 5000,
  meetReadyInSameExecution: false,
  googleDomains: [],
};

/** Google's text for a spent daily limit or throttled invitations. */
export const USAGE_LIMITS = 'Calendar usage limits exceeded.';
