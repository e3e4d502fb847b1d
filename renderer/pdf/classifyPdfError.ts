import type { PdfErrorKind } from './pdfTypes.ts';

/** pdf.js error names (they cross from its worker as `{ name, message }`) mapped to our kinds. */
const KIND_BY_NAME: ReadonlyMap<string, PdfErrorKind> = new Map([
  ['InvalidPDFException', 'corrupt'],
  ['FormatError', 'corrupt'],
  ['MissingPDFException', 'corrupt'],
  ['PasswordException', 'encrypted'],
  ['PdfTimeoutError', 'timeout'],
]);

/** What to tell the user about a failure to open or draw a PDF. Never looks at the message text. */
export function classifyPdfError(error: unknown): PdfErrorKind {
  const name =
    typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
  return (typeof name === 'string' ? KIND_BY_NAME.get(name) : undefined) ?? 'failed';
}

/** True for the rejection a cancelled render produces (not an error to show). */
export function isCancellation(error: unknown): boolean {
  const name =
    typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
  return name === 'RenderingCancelledException' || name === 'AbortException';
}
