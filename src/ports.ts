/**
 * The interfaces the workflows need from the world. The Apps Script adapters implement them with
 * Google's services; the workflows never touch a Google global.
 */
import type { EventChanges } from './domain/calendar/eventChanges';
import type { WantedEvent } from './domain/calendar/eventInput';
import type { FormSpec } from './domain/forms/spec';
import type { Prose } from './domain/prose';

/** What a sheet cell holds, as getValues returns it. */
export type Cell = string | number | boolean | Date;
export type RowValues = Record<string, Cell>;

export type ColumnKind = 'text' | 'number' | 'date' | 'boolean';

export interface ColumnSpec {
  readonly header: string;
  /** What the column holds; text when not said. */
  readonly kind?: ColumnKind;
  /** Dropdown values offered to the coordinator (data validation; other values are allowed with a warning). */
  readonly choices?: readonly string[];
  /**
   * Cohort cannot work without it (an identity or a ledger column): when it is missing from a tab
   * that holds rows, the action stops and says so, instead of adding an empty new column that would
   * forget what the old one held.
   */
  readonly required?: boolean;
  /** Width in pixels; else one by kind (dates, numbers and yes/no are narrow). */
  readonly width?: number;
  /**
   * Long text (a statement, an email body, a reason): wrapped, in rows of a fixed height, so the tab
   * reads and prints as a table instead of rows that grow with every sentence.
   */
  readonly wrap?: boolean;
  /** Cohort's own bookkeeping: hidden from view and from print (still read by header name). */
  readonly hidden?: boolean;
}

export interface TabSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  /** Rows written when the tab is created (e.g. the scheme's dates, the default templates). */
  readonly seed?: readonly RowValues[];
  /**
   * Cohort's tabs that come before this one, nearest first: a new tab is put right after the first
   * of them that exists (first of all when none does), so a tab made late still lands in order.
   */
  readonly after?: readonly string[];
}

/** One data row of a tab, with its 1-based sheet row number. */
export interface TableRow {
  readonly rowNumber: number;
  readonly values: Readonly<RowValues>;
}

/** A tab read in one call, addressed by header name (the coordinator may reorder columns). */
export interface Table {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly TableRow[];
  /** The sheet's last row with content when read (0 for an empty tab). */
  readonly lastRow: number;
}

export interface RowChange {
  readonly rowNumber: number;
  readonly values: Readonly<RowValues>;
}

export type TabRepair = 'created' | 'repaired' | 'unchanged';

export interface Workbook {
  /**
   * Creates the tab if missing (with its seed), adds missing columns at the right; never removes
   * data. Throws TabDamaged when a required column is missing from a tab that holds rows.
   */
  ensureTab(spec: TabSpec): TabRepair;
  hasTab(name: string): boolean;
  /**
   * Reads the whole tab in one call. Throws TabMissing when the tab does not exist, and, given the
   * tab's spec, TabDamaged when one of its required columns is missing.
   */
  read(tab: string | TabSpec): Table;
  /**
   * Reads rows `from`…`to` (1-based, inclusive; clipped to the tab) and the header: a cursor into a
   * long tab costs what the new rows cost, not what the whole tab costs.
   */
  readRows(tab: string | TabSpec, from: number, to: number): Table;
  /** Reads only the header row and the last row's position: enough to append to a long tab. */
  readHeader(tab: string | TabSpec): Table;
  /** Writes the changed cells: one write per block of contiguous rows, only the columns touched. */
  update(table: Table, changes: readonly RowChange[]): void;
  /** Appends rows after the last row in one write; returns their row numbers. */
  append(table: Table, rows: readonly RowValues[]): number[];
  tabNames(): string[];
  /** Renames a tab (its contents, links and the form feeding it stay). */
  renameTab(from: string, to: string): void;
  /** Hides a tab from the tab bar (View → Hidden sheets shows it again). */
  hideTab(name: string): void;
  spreadsheetId(): string;
  spreadsheetUrl(): string;
  /**
   * The spreadsheet's own time zone: where a date typed into a cell is read. It may differ from
   * the programme's (Settings) and from the script's (the manifest's).
   */
  timeZone(): string;
  /**
   * Gives a tab Cohort made before it laid its tabs out (the header row has no background) the
   * layout a new tab gets: widths, wrapped long text in rows of fixed height, hidden bookkeeping
   * columns, dates as dd/mm/yyyy hh:mm, a shaded bold header. A tab already laid out is left as the
   * coordinator keeps it. True when it laid the tab out.
   */
  layOutTab(spec: TabSpec): boolean;
  /**
   * Gives each header of the tab that has a note in the prose and none in the sheet its note (a tab
   * an older Cohort made has none); a note the coordinator wrote is kept. Returns how many it wrote
   * (0 when the tab is missing).
   */
  noteHeaders(tab: string): number;
  /**
   * Puts the tabs in order: `first` (those that exist, in that order), then every other tab as they
   * were, then `last`. Moves only the tabs out of place (a second call moves none); the tab the
   * coordinator was on stays the active one. Returns the names of the tabs moved.
   */
  arrangeTabs(first: readonly string[], last: readonly string[]): string[];
  /**
   * Deletes the tab the spreadsheet was made with ("Sheet1", "Feuille 1"…: the tab with id 0 whose
   * name ends in 1) if it is not one of `keep` and holds no value and no formula. Returns its name,
   * or null when there is no such untouched tab.
   */
  removeBlankFirstTab(keep: readonly string[]): string | null;
}

/** A required column is gone (renamed or deleted): nothing may be done until it is back. */
export class TabDamaged extends Error {
  readonly code = 'TAB_DAMAGED' as const;
  constructor(
    readonly tab: string,
    readonly column: string,
  ) {
    super(
      `The ${tab} tab has no "${column}" column. Was it renamed? Put its name back in row 1 and try again. Nothing was changed.`,
    );
  }
}

export class TabMissing extends Error {
  readonly code = 'TAB_MISSING' as const;
  constructor(readonly tab: string) {
    super(`The "${tab}" tab is missing. Run Mentoring → Set up programme to repair it.`);
  }
}

export interface OutgoingEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly replyTo: string;
  readonly senderName: string;
}

export interface Mailer {
  /** Recipients the account may still send to today. */
  remainingQuota(): number;
  /** Sends one email; throws with Google's error text on failure. */
  send(email: OutgoingEmail): void;
}

/** What Google says when the day's mail quota is spent (matched to stop and continue tomorrow). */
export const MAIL_QUOTA_ERROR = 'Service invoked too many times for one day: email.';

export interface FormRef {
  readonly id: string;
  readonly publishedUrl: string;
  readonly editUrl: string;
  /** The response tab Google created for this form in the spreadsheet. */
  readonly responseTab: string;
}

/** Whose responses to look for in a form's own store (Forms.searchResponses). */
export interface ResponseOwner {
  readonly email: string;
  readonly code?: { readonly title: string; readonly prefixes: readonly string[] };
}

/**
 * How far a search of a form's own store has come: the responses before position `next` (in the
 * order Google lists them) have been read, and `seen` is the id of the last of them ('' when none).
 * Kept between executions, so a search too long for one carries on in the next.
 */
export interface SearchMark {
  readonly next: number;
  readonly seen: string;
}

/** What one stretch of a search found. */
export interface ResponseSearch {
  /** This person's responses among those read in this stretch. */
  readonly ids: string[];
  readonly mark: SearchMark;
  /** How many responses the store holds now. */
  readonly size: number;
  /** Every response has been read. */
  readonly done: boolean;
  /**
   * The store changed before the mark (a response deleted): the search began again from the first
   * response, and ids found before this stretch no longer count.
   */
  readonly restarted: boolean;
}

export interface Forms {
  /**
   * Creates the form from its spec, or completes or updates the one given, and links it. `remember`
   * is called as soon as the form exists and again when it is linked, so that a run cut off half-way
   * is finished by the next one instead of making a second form.
   */
  ensureForm(
    spec: FormSpec,
    existing: FormRef | null,
    remember: (ref: FormRef) => void,
  ): FormRef & { created: boolean };
  /** True when a form with this id still exists. */
  exists(id: string): boolean;
  /**
   * Reads the form's own store from `from` on (null: from the first response), answer by answer, for
   * the responses that are this person's: the address in any answer (or as respondent), or the answer
   * to the question titled `owner.code.title` starting with one of `owner.code.prefixes` (a personal
   * link's code, the only mark a check-in answer carries). Stops before the next response once `stop()`
   * says so. Responses that came in after the mark are read too; a mark the store no longer matches
   * (its `seen` is not at `next − 1`) starts the search again.
   */
  searchResponses(
    formId: string,
    owner: ResponseOwner,
    from: SearchMark | null,
    stop: () => boolean,
  ): ResponseSearch;
  /**
   * Deletes these responses (ids from a search whose mark the store still matches) from the form's
   * own store (right to erasure); the copies in the response tab are the workflow's to blank. Returns
   * how many were deleted.
   */
  deleteResponses(formId: string, ids: readonly string[]): number;
  /**
   * A pre-filled link to the form with the question titled `itemTitle` answered `value`
   * (FormResponse.toPrefilledUrl), made once per form: the value is a marker the caller replaces.
   */
  prefilledUrl(formId: string, itemTitle: string, value: string): string;
  /**
   * Makes the form collect a verified (signed-in) address, or stop collecting it. Forms made
   * before this setting existed may only collect a typed address: that is said in the result.
   */
  setVerifiedEmail(formId: string, verified: boolean): 'verified' | 'typed' | 'off';
  /** The form stops taking responses (its link then says so). A form already gone is fine. */
  stopResponses(formId: string): void;
  /** Deletes every response kept inside the form (its own store); returns how many. 0 when it is gone. */
  deleteAllResponses(formId: string): number;
}

/** One tab of a spreadsheet Cohort writes whole: the header row first. */
export interface SheetContent {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
}

/** Spreadsheet files Cohort makes besides the bound one (the evaluator's export). */
export interface SpreadsheetFiles {
  /** A new spreadsheet in the account's Drive; its id and link. */
  create(name: string): { id: string; url: string };
  /** False only when Google says there is no such file for this account. */
  exists(id: string): boolean;
  /** Replaces the file's contents with these tabs, in order (any other tab goes); returns its link. */
  write(id: string, tabs: readonly SheetContent[]): string;
}

/**
 * An event Cohort wants: wall-clock times in `timeZone`, converted by Google at the edge. `key` (the
 * programme row) and `person` (whose copy) are stored on the event, so it is found again by them.
 */
export type CalendarEventInput = WantedEvent;

/** How far Google Meet is with an event's room. */
export type MeetRoom = 'none' | 'pending' | 'ready' | 'failed';

export interface CalendarEvent extends CalendarEventInput {
  readonly id: string;
  /** The room's link once ready ('' before). */
  readonly meetLink: string;
  readonly room: MeetRoom;
  /** The request id of the room last asked for ('' when none was). */
  readonly roomRequest: string;
  readonly status: 'confirmed' | 'tentative' | 'cancelled';
}

export interface CalendarPort {
  /** The programme calendar's id: the existing one if it still exists, else a new one. */
  ensureCalendar(name: string, timeZone: string, existingId: string | null): string;
  /** Every event of ours in the calendar that is not deleted (one paged list). */
  listEvents(calendarId: string): CalendarEvent[];
  /** The event of ours for this key and person, if there is one (one filtered list). */
  find(calendarId: string, key: string, person: string): CalendarEvent | null;
  /** Creates the event (asking Meet for a room when `wantsRoom`); its guest hears from Google. */
  create(calendarId: string, input: CalendarEventInput): CalendarEvent;
  /** Changes only what is given; guests replace the whole list; guests are notified by Google. */
  patch(calendarId: string, eventId: string, changes: EventChanges): CalendarEvent;
  /** Deletes the event; its guests get Google's cancellation. An event already gone is fine. */
  remove(calendarId: string, eventId: string): void;
  /** Asks Meet for a new room for the event (the last request failed or the room was removed). */
  requestRoom(calendarId: string, eventId: string, requestId: string): CalendarEvent;
}

export interface Clock {
  now(): Date;
  /**
   * When this execution began. Google ends an execution 6 minutes after it began, whatever the
   * time went on: a dialog left open, a wait for the lock (see workflows/budget.ts).
   */
  startedAt(): Date;
  /** The wall-clock reading of an instant in a time zone, 'YYYY-MM-DD HH:mm'. */
  wallClock(at: Date, timeZone: string): string;
  /** The instant a wall-clock time 'YYYY-MM-DD HH:mm' names in a time zone. */
  instant(wallClock: string, timeZone: string): Date;
  /** Waits (Utilities.sleep; at most 5 minutes): the backoff between retries of a busy service. */
  sleep(ms: number): void;
}

export interface Lock {
  /** Waits up to `ms` for the script lock. */
  tryAcquire(ms: number): boolean;
  release(): void;
}

/** Small durable key/value store (script properties): journals, form ids, flags. */
export interface Store {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  keys(prefix: string): string[];
  /** Every key with this prefix and its value, in one read. */
  entries(prefix: string): Array<[key: string, value: string]>;
}

export interface Ui {
  alert(title: string, message: string): void;
  /** Asks yes/no; true for yes. */
  confirm(title: string, message: string): boolean;
  toast(message: string, title?: string): void;
  /** Asks for text; null when cancelled. */
  prompt(title: string, message: string): string | null;
}

export interface Triggers {
  /** Makes sure exactly one spreadsheet onFormSubmit trigger calls `handler`; removes extras. */
  ensureFormSubmit(handler: string): 'created' | 'existing' | 'repaired';
  /**
   * Makes sure exactly one daily trigger calls `handler` at about `hour` o'clock in `timeZone`;
   * removes extras. `handler` must be used for nothing else (clearSchedules would remove it).
   */
  ensureDaily(handler: string, hour: number, timeZone: string): 'created' | 'existing' | 'repaired';
  /** Runs `handler` once, no sooner than `afterMs` from now (a continuation). Idempotent per handler. */
  scheduleOnce(handler: string, afterMs: number): void;
  /** Runs `handler` once at a given time (replaces an earlier schedule of the same handler). */
  scheduleAt(handler: string, at: Date): void;
  /** Removes the one-shot schedules of `handler` (spent or not). */
  clearSchedules(handler: string): void;
  scheduledAt(handler: string): Date | null;
}

/** Unguessable values for personal links. */
export interface Tokens {
  /** A new random value (Utilities.getUuid). */
  random(): string;
  /** HMAC-SHA256 of `value` under `secret`, as web-safe base64. */
  sign(secret: string, value: string): string;
}

/** Who the script runs as (the coordinator who installed it). */
export interface Account {
  email(): string;
}

/**
 * The long default texts Cohort writes once (when it sets up tabs and forms): kept out of the script
 * Apps Script parses at every execution, and read only by what writes them (domain/prose).
 */
export interface ProseSource {
  read(): Prose;
}

/** The whole world as the workflows see it. `ui` is null when no person is looking (triggers). */
export interface Ports {
  readonly workbook: Workbook;
  readonly mailer: Mailer;
  readonly forms: Forms;
  readonly clock: Clock;
  readonly lock: Lock;
  readonly store: Store;
  readonly triggers: Triggers;
  readonly ui: Ui | null;
  readonly calendar: CalendarPort;
  readonly files: SpreadsheetFiles;
  readonly account: Account;
  readonly tokens: Tokens;
  readonly prose: ProseSource;
}
