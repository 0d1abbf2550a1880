import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import micromatch from 'micromatch';
import type { ProjectFile } from './ProjectFile';

/**
 * The files `clasp push` would send, in the order it sends them, read the way clasp 3 reads them
 * (google/clasp src/core/clasp.js and files.js, v3.4.1): the project file's `rootDir` (or
 * `srcDir`), `.claspignore` beside the project file or clasp's default rules, every file of the
 * folder and its subfolders that is not ignored, typed by extension (`.js`/`.gs` scripts, `.html`,
 * and `appsscript.json`; anything else is not pushed), sorted by path, `filePushOrder` first.
 * A test (test/bundle/pushed.test.ts) asks clasp itself (`clasp show-file-status --json`) and
 * checks that both agree, so the emulator loads exactly what Google would run.
 */

/** clasp's rules when there is no .claspignore. */
export const CLASP_DEFAULT_IGNORE = [
  '**/**',
  '!**/appsscript.json',
  '!**/*.gs',
  '!**/*.js',
  '!**/*.ts',
  '!**/*.html',
  '.git/**',
  'node_modules/**',
];

interface ClaspConfig {
  rootDir?: string;
  srcDir?: string;
  filePushOrder?: string[];
  skipSubdirectories?: boolean;
  fileExtension?: string;
  scriptExtensions?: string | string[];
  htmlExtensions?: string | string[];
}

function list(dir: string, recursive: boolean, base = dir): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive) out.push(...list(path, recursive, base));
    } else if (entry.isFile()) out.push(relative(base, path));
  }
  return out;
}

const extensions = (value: string | string[] | undefined, fallback: string[]): string[] =>
  (value === undefined ? fallback : Array.isArray(value) ? value : [value]).map((e) => {
    const x = e.toLowerCase().trim();
    return x.startsWith('.') ? x : `.${x}`;
  });

/** The project folder's files as clasp would push them (the project file defaults to `.clasp.json`). */
export function pushedFiles(projectFile: string): ProjectFile[] {
  const configPath = statSync(projectFile).isDirectory() ? join(projectFile, '.clasp.json') : projectFile;
  const projectRoot = dirname(resolve(configPath));
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as ClaspConfig;
  const contentDir = resolve(projectRoot, config.srcDir || config.rootDir || '.');
  const ignoreFile = join(projectRoot, '.claspignore');
  const patterns = existsSync(ignoreFile)
    ? readFileSync(ignoreFile, 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .filter((line) => line.length > 0)
    : CLASP_DEFAULT_IGNORE;
  const scripts = extensions(
    config.scriptExtensions ?? (config.fileExtension ? [config.fileExtension] : undefined),
    ['js', 'gs'],
  );
  const html = extensions(config.htmlExtensions, ['html']);
  const kept = micromatch.not(list(contentDir, !config.skipSubdirectories), patterns, { dot: true });
  const files: ProjectFile[] = [];
  for (const path of kept) {
    const ext = extname(path).toLowerCase();
    const type: ProjectFile['type'] | null = scripts.includes(ext)
      ? 'SERVER_JS'
      : html.includes(ext)
        ? 'HTML'
        : basename(path) === 'appsscript.json'
          ? 'JSON'
          : null;
    if (!type) continue;
    const name =
      type === 'JSON'
        ? 'appsscript'
        : path
            .slice(0, path.length - extname(path).length)
            .split(sep)
            .join('/');
    files.push({
      name,
      type,
      source: readFileSync(join(contentDir, path), 'utf8'),
      localPath: relative(projectRoot, join(contentDir, path)),
    });
  }
  const order = (config.filePushOrder ?? []).map((p) => normalize(p));
  const rank = (f: ProjectFile) => {
    const i = order.indexOf(normalize(f.localPath));
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  return files.sort((a, b) => rank(a) - rank(b) || a.localPath.localeCompare(b.localPath));
}
