import type { Prose } from '../../domain/prose';
import type { ProseSource } from '../../ports';

/** The project file the build writes the prose to, beside Code.js (scripts/build.mjs). */
export const PROSE_FILE = 'prose';

/**
 * The prose, from the project's `prose.html`: JSON with no markup in it (`<`, `>` and `&` are written
 * as \u escapes), read with HtmlService, as Google's own guides read a file's text
 * ([official] AS/guides/html/best-practices, `include`: createHtmlOutputFromFile(name).getContent()).
 * Read once per execution, and only by an execution that writes prose.
 */
export class HtmlFileProse implements ProseSource {
  private cached: Prose | undefined;

  read(): Prose {
    if (!this.cached)
      this.cached = JSON.parse(HtmlService.createHtmlOutputFromFile(PROSE_FILE).getContent()) as Prose;
    return this.cached;
  }
}
