/** Plain data behind the emulated Forms classes: what toState saves and the wrappers read and write. */

export type ItemKind =
  | 'TEXT'
  | 'PARAGRAPH_TEXT'
  | 'MULTIPLE_CHOICE'
  | 'CHECKBOX'
  | 'LIST'
  | 'SCALE'
  | 'SECTION_HEADER';

/** One text-validation requirement; a builder keeps only the last one set, as the Forms UI holds one. */
export type ValidationRule =
  | { rule: 'email' }
  | { rule: 'url' }
  | { rule: 'number' }
  | { rule: 'wholeNumber' }
  | { rule: 'numberBetween'; min: number; max: number }
  | { rule: 'lengthAtMost'; n: number }
  | { rule: 'lengthAtLeast'; n: number }
  | { rule: 'matches'; pattern: string }
  | { rule: 'doesNotMatch'; pattern: string }
  | { rule: 'contains'; pattern: string }
  | { rule: 'doesNotContain'; pattern: string };

export interface ValidationData {
  readonly rule: ValidationRule | null;
  readonly helpText: string;
}

export interface ItemData {
  id: number;
  type: ItemKind;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  other: boolean;
  lower: number;
  upper: number;
  lowerLabel: string;
  upperLabel: string;
  validation: ValidationData | null;
}

/** A column of the linked response tab (after Timestamp): a question's id, or the respondent e-mail. */
export type ColumnKey = number | 'email';

/** One column after Timestamp; the header is kept so a deleted question's column keeps its name. */
export interface DestinationColumn {
  key: ColumnKey;
  header: string;
}

export interface DestinationData {
  spreadsheetId: string;
  sheetName: string;
  /** The tab's sheet id when known: Google follows the tab if a coordinator renames it. */
  sheetId?: number;
  columns: DestinationColumn[];
}

export interface ResponseData {
  id: string;
  timestamp: number;
  email: string;
  answers: Array<{ itemId: number; value: string | string[] }>;
}

export interface FormData {
  id: string;
  responderKey: string;
  /** The Drive file's name: what FormApp.create(title) sets (the form's own title stays blank). */
  fileName?: string;
  /** The account that created it: only it can open the form (Cohort's forms are never shared). */
  owner?: string;
  /**
   * A form made before publish settings existed: isPublished/setPublished throw, and
   * supportsAdvancedResponderPermissions() is false ([official] AS/reference/forms/form).
   */
  legacy?: boolean;
  title: string;
  description: string;
  confirmationMessage: string;
  collectEmail: boolean;
  /** Set by setEmailCollectionType; VERIFIED means the address is the signed-in account's. */
  emailCollection?: 'DO_NOT_COLLECT' | 'VERIFIED' | 'RESPONDER_INPUT';
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  showLinkToRespondAgain: boolean;
  acceptingResponses: boolean;
  published: boolean;
  items: ItemData[];
  destination: DestinationData | null;
  responses: ResponseData[];
}

export const QUESTION_KINDS: ReadonlySet<ItemKind> = new Set<ItemKind>([
  'TEXT',
  'PARAGRAPH_TEXT',
  'MULTIPLE_CHOICE',
  'CHECKBOX',
  'LIST',
  'SCALE',
]);

export function isQuestion(item: ItemData): boolean {
  return QUESTION_KINDS.has(item.type);
}

export function newItem(id: number, type: ItemKind): ItemData {
  return {
    id,
    type,
    title: '',
    helpText: '',
    required: false,
    choices: [],
    other: false,
    lower: 1,
    upper: 5,
    lowerLabel: '',
    upperLabel: '',
    validation: null,
  };
}
