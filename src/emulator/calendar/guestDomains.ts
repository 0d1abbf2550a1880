/**
 * Which guests Google treats as its own users and which as outside the organiser's domain. Both
 * matter: `sendUpdates: 'externalOnly'` mails only "non-Google Calendar guests" ([official]
 * CAL/v3/reference/events/patch), and invitation throttling counts guests outside the domain
 * ([observed] manjeshpv/gsuite-google-calendar-api-limits).
 */

/** Google's consumer domains: every address there has a Google Calendar. */
const CONSUMER = new Set(['gmail.com', 'googlemail.com']);

const domainOf = (email: string): string => (email.split('@')[1] ?? '').trim().toLowerCase();

/**
 * A guest with a Google Calendar: a consumer address, the organiser's own (Workspace) domain, or a
 * domain the test names as Google Workspace. Any other address is "external", so `externalOnly`
 * mails it (the strict reading: Google may know more Workspace domains than this).
 */
export function usesGoogleCalendar(email: string, owner: string, googleDomains: readonly string[]): boolean {
  const domain = domainOf(email);
  return (
    CONSUMER.has(domain) ||
    domain === domainOf(owner) ||
    googleDomains.some((d) => d.toLowerCase() === domain)
  );
}

/**
 * A guest outside the organiser's domain, for throttling. A consumer account has no domain of its
 * own: every guest is outside it.
 */
export function outsideDomain(email: string, owner: string): boolean {
  const own = domainOf(owner);
  return CONSUMER.has(own) || domainOf(email) !== own;
}
