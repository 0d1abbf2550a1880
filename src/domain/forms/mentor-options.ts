/**
 * The choices form lists each selected mentor as "Name — Library service". These functions build
 * those labels and read a chosen label back to the mentor's id, from the same list, so both sides
 * always agree.
 */

export type MentorOptionSource = { id: string; name: string; libraryService: string };
export type MentorOption = { id: string; label: string };

/**
 * One label per mentor, in the given order. Two mentors with the same name and service get their
 * id appended ("Sam Lee — Leeds Libraries (M7)") so every label maps back to exactly one mentor.
 */
export function mentorOptions(mentors: readonly MentorOptionSource[]): MentorOption[] {
  const base = mentors.map((m) => `${m.name.trim()} — ${m.libraryService.trim()}`);
  const counts = new Map<string, number>();
  for (const label of base) counts.set(label, (counts.get(label) ?? 0) + 1);
  return mentors.map((m, i) => {
    const label = base[i] ?? '';
    return { id: m.id, label: (counts.get(label) ?? 0) > 1 ? `${label} (${m.id})` : label };
  });
}

/** The mentor id behind a chosen option label, or null if no listed mentor has that label. */
export function mentorIdForOption(label: string, mentors: readonly MentorOptionSource[]): string | null {
  const wanted = label.trim().replace(/\s+/g, ' ');
  return mentorOptions(mentors).find((o) => o.label.replace(/\s+/g, ' ') === wanted)?.id ?? null;
}
