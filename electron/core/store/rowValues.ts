/**
 * Typed access to a row from `node:sqlite` (values are `unknown` until checked: a row read
 * back from disk is outside input, style.md habit 3). Each throws when the column does not
 * hold the expected type, which inside a transaction rolls it back.
 */
type Row = Record<string, unknown>;

export function intOf(row: Row, column: string): number {
  const value = row[column];
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  throw new Error(`column ${column} is not an integer`);
}

export function textOf(row: Row, column: string): string {
  const value = row[column];
  if (typeof value === 'string') return value;
  throw new Error(`column ${column} is not text`);
}

export function optionalTextOf(row: Row, column: string): string | null {
  const value = row[column];
  return typeof value === 'string' ? value : null;
}

export function optionalIntOf(row: Row, column: string): number | null {
  const value = row[column];
  return typeof value === 'number' ? value : null;
}

export function optionalBytesOf(row: Row, column: string): Uint8Array | null {
  const value = row[column];
  return value instanceof Uint8Array ? value : null;
}
