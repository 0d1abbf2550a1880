/**
 * A saved workspace that cannot be opened as it is: one of its files is missing or unreadable.
 * Opening stops before anything is written, so the rest of the workspace stays as it was: a
 * workspace that went on without its workbook would save blank tabs over the coordinator's data.
 */
export class WorkspaceDamaged extends Error {
  readonly code = 'WORKSPACE_DAMAGED' as const;
  constructor(
    /** The file, as the path the workspace was opened with names it. */
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'WorkspaceDamaged';
  }
}

const FRESH = 'or start a fresh workspace in a new folder with "cohort init NEW-FOLDER"';

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** `file` is not there, though the workspace's state says it was saved; `holds` says what it keeps. */
export function missingFile(file: string, holds: string): WorkspaceDamaged {
  return new WorkspaceDamaged(
    file,
    `${file} is missing: it holds ${holds}, and without it the workspace would go on from blank tabs. Nothing was changed. Put the file back (from a backup, or undo its deletion), ${FRESH}.`,
  );
}

/** `file` is there but is not an xlsx the emulator can read (`e` is what the reader said). */
export function unreadableWorkbook(file: string, e: unknown): WorkspaceDamaged {
  return new WorkspaceDamaged(
    file,
    `${file} cannot be read as an .xlsx workbook (${reason(e)}). Nothing was changed. If you edited it, save it again as .xlsx ("Excel 2007-365") under the same name; otherwise restore it from a backup, ${FRESH}.`,
  );
}

/** The workspace's own state file is not JSON, or a part of it is not what the emulator wrote. */
export function damagedState(file: string, problem: string, e?: unknown): WorkspaceDamaged {
  return new WorkspaceDamaged(
    file,
    `${file} ${problem}${e === undefined ? '' : ` (${reason(e)})`}. It is the emulator's own record (not for editing). Nothing was changed. Restore it from a backup, ${FRESH}.`,
  );
}
