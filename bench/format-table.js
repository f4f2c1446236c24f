'use strict';

/** A plain-text table with a header row; columns padded to the widest cell. */
function formatTable(header, rows) {
  const all = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [line(all[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...all.slice(1).map(line)].join('\n');
}

function formatRate(opsPerSecond) {
  if (opsPerSecond >= 1e6) return `${(opsPerSecond / 1e6).toFixed(2)} M/s`;
  if (opsPerSecond >= 1e3) return `${(opsPerSecond / 1e3).toFixed(1)} k/s`;
  return `${opsPerSecond.toFixed(0)} /s`;
}

/** Shows a text briefly in a table cell: JSON-escaped, long ones cut in the middle. */
function briefText(text, max = 40) {
  // Invisible and look-alike spaces would hide the very difference the table shows.
  const json = JSON.stringify(text).replace(/[\u00a0\u2000-\u200f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return json.length <= max ? json : `${json.slice(0, max - 12)}…${json.slice(-10)}`;
}

module.exports = { formatTable, formatRate, briefText };
