/**
 * Host-side: a file-name part from a title or subject: accents dropped, lower case, runs of anything
 * but a-z and 0-9 made one `-`, no dash at either end, at most `maxLength` characters (no cap when
 * omitted). `fallback` when nothing is left ("🎉🎉" → fallback).
 */
export function slug(text: string, fallback: string, maxLength?: number): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return s || fallback;
}
