/**
 * FormApp enums. Apps Script enums print as their names, so the emulator uses the name strings:
 * `item.getType() == FormApp.ItemType.TEXT` works as in Google.
 */
export const ItemType = Object.freeze({
  CHECKBOX: 'CHECKBOX',
  CHECKBOX_GRID: 'CHECKBOX_GRID',
  DATE: 'DATE',
  DATETIME: 'DATETIME',
  DURATION: 'DURATION',
  GRID: 'GRID',
  IMAGE: 'IMAGE',
  LIST: 'LIST',
  MULTIPLE_CHOICE: 'MULTIPLE_CHOICE',
  PAGE_BREAK: 'PAGE_BREAK',
  PARAGRAPH_TEXT: 'PARAGRAPH_TEXT',
  SCALE: 'SCALE',
  SECTION_HEADER: 'SECTION_HEADER',
  TEXT: 'TEXT',
  TIME: 'TIME',
  VIDEO: 'VIDEO',
  FILE_UPLOAD: 'FILE_UPLOAD',
});

export const DestinationType = Object.freeze({ SPREADSHEET: 'SPREADSHEET' });

/**
 * How a form collects addresses. VERIFIED: the respondent signs in and Google records their
 * account's address; RESPONDER_INPUT: they type one (not checked). Works live though missing from
 * one copy of the reference ([observed] public projects; research notes §10).
 */
export const EmailCollectionType = Object.freeze({
  DO_NOT_COLLECT: 'DO_NOT_COLLECT',
  VERIFIED: 'VERIFIED',
  RESPONDER_INPUT: 'RESPONDER_INPUT',
});
