import { HtmlModule } from '../../../src/emulator/html/HtmlModule';
import type { ProjectFile } from '../../../src/emulator/project/ProjectFile';
import { ScriptException } from '../../../src/emulator/runtime/errors';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import { scriptRunner, thrown } from '../support/vmHarness';

const file = (name: string, source: string, type: ProjectFile['type'] = 'HTML'): ProjectFile => ({
  name,
  type,
  source,
  localPath: `${name}.html`,
});

function setup(files: ProjectFile[], scopes: string[] | null = null) {
  const rt = new Runtime(Date.UTC(2025, 3, 1));
  rt.scopes = scopes;
  const html = new HtmlModule(rt);
  html.load(files);
  return { rt, run: scriptRunner(html) };
}

describe('HtmlService: the text of a project HTML file', () => {
  it('gives the content of a file named with or without .html, and counts both calls', () => {
    const { rt, run } = setup([file('prose', '{"a":"b \\u003c c"}'), file('Code', 'x', 'SERVER_JS')]);
    expect(run(`HtmlService.createHtmlOutputFromFile('prose').getContent()`)).toBe('{"a":"b \\u003c c"}');
    expect(run(`HtmlService.createHtmlOutputFromFile('prose.html').getContent()`)).toBe(
      '{"a":"b \\u003c c"}',
    );
    expect(rt.totalCalls.get('HtmlService.createHtmlOutputFromFile')).toBe(2);
    expect(rt.totalCalls.get('HtmlOutput.getContent')).toBe(2);
  });

  it("refuses a name that is not an HTML file's, case counting, as Google words it", () => {
    const { run } = setup([file('Index', 'hello'), file('Code', 'x', 'SERVER_JS')]);
    for (const name of ['index', 'Code', 'Other']) {
      const error = thrown(() => run(`HtmlService.createHtmlOutputFromFile('${name}')`));
      expect(error).toBeInstanceOf(ScriptException);
      expect(error.message).toBe(`No HTML file named ${name} was found.`);
    }
  });

  it('refuses markup it would have to read (stricter than Google, which sanitises it unsaid)', () => {
    const { run } = setup([file('page', '<p>Hi</p>'), file('amp', 'fish &amp; chips')]);
    expect(thrown(() => run(`HtmlService.createHtmlOutputFromFile('page')`)).message).toMatch(
      /^Malformed HTML/,
    );
    expect(thrown(() => run(`HtmlService.createHtmlOutputFromFile('amp')`)).message).toMatch(
      /^Malformed HTML/,
    );
  });

  it('asks for the container UI scope when the manifest lists scopes', () => {
    const { run } = setup([file('prose', '{}')], ['https://www.googleapis.com/auth/spreadsheets']);
    expect(thrown(() => run(`HtmlService.createHtmlOutputFromFile('prose')`)).message).toBe(
      'You do not have permission to call HtmlService.createHtmlOutputFromFile. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
  });
});
