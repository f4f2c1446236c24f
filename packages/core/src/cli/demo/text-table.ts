/**
 * Rows as aligned columns (two spaces apart, the last column unpadded), each line indented.
 * Width counts code points, which is right for the ids, numbers and state names the demo puts in
 * columns; free text goes after the table, where alignment does not matter.
 */
export function textTable(rows: readonly (readonly string[])[], indent = '  '): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, [...cell].length)));
  return rows
    .map((row) => `${indent}${row.map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - [...cell].length))).join('  ')}`.trimEnd())
    .map((line) => `${line}\n`)
    .join('');
}
