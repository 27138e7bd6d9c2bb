/** One CSV cell's value: empty for null. */
export type CsvCell = string | number | boolean | null;

/** Cells a spreadsheet would run as a formula (CSV injection) start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell, RFC 4180: quoted when it holds a quote, comma or line break (quotes doubled).
 * Text that a spreadsheet would take for a formula gets a leading ' (OWASP's advice), so a
 * learner named "=HYPERLINK(…)" stays text. Numbers are ours and written as they are.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, CRLF-terminated as RFC 4180 writes them. */
export const csvLine = (cells: readonly CsvCell[]) => `${cells.map(csvCell).join(",")}\r\n`;

/** About how much CSV text one chunk of the stream carries. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The CSV file as text chunks: the header, then the rows as they are read, gathered into
 * chunks of about 64 KiB so a 100k-row file is a few hundred writes, not 100k.
 */
export async function* csvChunks(
  columns: readonly string[],
  rows: AsyncIterable<readonly CsvCell[]>,
): AsyncGenerator<string> {
  let chunk = csvLine(columns);
  for await (const row of rows) {
    chunk += csvLine(row);
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/** A table to write as CSV: its header and its rows, read as they are consumed. */
export interface Sheet {
  columns: string[];
  rows: AsyncGenerator<CsvCell[]>;
}
