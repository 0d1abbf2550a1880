import { choicesForm, type FormSpec } from '../../domain/forms/spec';
import type { Settings } from '../../domain/settings';
import type { Ports } from '../../ports';
import type { Person } from '../people';
import { refreshLaunchOrder } from './launchOrder';

/**
 * Profiles on the form up to this many mentors. Each costs three Forms calls (about half a second):
 * 100 take under a minute, while 1,500 would pass Apps Script's 6-minute limit. At two minutes a
 * talk, 100 mentors is also far more than one launch event can hear.
 */
export const MAX_PROFILES = 100;

/**
 * The choices form for these selected mentors: in the launch's running order (the Launch tab),
 * each with their profile, so a mentee who missed the launch can choose too.
 */
export function choicesSpec(
  ports: Pick<Ports, 'workbook' | 'prose'>,
  settings: Settings,
  mentors: readonly Person[],
): FormSpec {
  const ordered = refreshLaunchOrder(ports, mentors);
  return choicesForm(
    ordered.map((m) => ({ id: m.id, name: m.name, libraryService: m.libraryService })),
    {
      programmeName: settings.programmeName,
      words: ports.prose.read().forms.choices,
      profiles: (ordered.length > MAX_PROFILES ? [] : ordered).map((m) => ({
        id: m.id,
        name: m.name,
        libraryService: m.libraryService,
        currentRole: m.currentRole,
        areas: m.areas,
        statement: m.statement,
        consent: m.consentData,
      })),
    },
  );
}
