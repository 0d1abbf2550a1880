import type { ProjectFile } from '../project/ProjectFile';
import { ScriptException } from '../runtime/errors';
import type { Runtime } from '../runtime/Runtime';
import type { ServiceModule } from '../runtime/ServiceModule';

/**
 * HtmlService, as far as Cohort uses it: the text of one of the project's HTML files. No saved state
 * (the files are the pushed project's).
 *
 * - `createHtmlOutputFromFile(name)` finds the file by its name, with or without `.html`, case
 *   counting; another name throws "No HTML file named Index was found." ([observed]
 *   RayBB/easy-gmail-scheduler#4: the file was "Index.html"; `'Index.html'` then worked).
 * - `getContent()` gives the file's text ([official] AS/guides/html/best-practices, the `include`
 *   helper: createHtmlOutputFromFile(filename).getContent()).
 * - Stricter than Google where Google is not documented: Google sanitises and may refuse malformed
 *   HTML, and what it does with markup on the way is not said, so a file with any `<`, `>` or `&` is
 *   refused here. Cohort keeps only text in its HTML file (prose.html, JSON with those characters
 *   escaped), which needs no reading of markup at all.
 * - HtmlService needs no scope of its own that Google lists; the emulator asks for
 *   `script.container.ui` (which Cohort's manifest has), the stricter reading [uncertain].
 */
export class HtmlModule implements ServiceModule {
  /** The project's HTML files by name (set when a project is loaded). */
  files = new Map<string, string>();
  readonly #service: HtmlService;

  constructor(rt: Runtime) {
    this.#service = new HtmlService(rt, (name) => this.files.get(name));
  }

  load(files: readonly ProjectFile[]): void {
    this.files = new Map(files.filter((f) => f.type === 'HTML').map((f) => [f.name, f.source]));
  }

  globals(): Record<string, unknown> {
    return { HtmlService: this.#service };
  }

  toState(): unknown {
    return {};
  }

  fromState(): void {}
}

const UI_SCOPE = 'https://www.googleapis.com/auth/script.container.ui';

class HtmlService {
  readonly #rt: Runtime;
  readonly #file: (name: string) => string | undefined;

  constructor(rt: Runtime, file: (name: string) => string | undefined) {
    this.#rt = rt;
    this.#file = file;
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    this.#rt.call('HtmlService.createHtmlOutputFromFile');
    this.#rt.assertScope('HtmlService.createHtmlOutputFromFile', [UI_SCOPE]);
    const name = String(filename);
    const source = this.#file(name) ?? this.#file(name.replace(/\.html$/, ''));
    if (source === undefined) throw new ScriptException(`No HTML file named ${name} was found.`);
    if (/[<>&]/.test(source))
      throw new ScriptException(
        `Malformed HTML content: the emulator reads only HTML files with no markup (${name}.html)`,
      );
    return new HtmlOutput(this.#rt, source);
  }
}

class HtmlOutput {
  readonly #rt: Runtime;
  readonly #content: string;

  constructor(rt: Runtime, content: string) {
    this.#rt = rt;
    this.#content = content;
  }

  getContent(): string {
    this.#rt.call('HtmlOutput.getContent');
    return this.#content;
  }
}
