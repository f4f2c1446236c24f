/** Signal strength as a handset shows it: ▂▄▆█ with the bars not reached dimmed. */
export function signalBars(dbm: number): string {
  const bars = dbm >= -73 ? 4 : dbm >= -83 ? 3 : dbm >= -93 ? 2 : dbm >= -109 ? 1 : 0;
  return `${'▂▄▆█'.slice(0, bars)}${'·'.repeat(4 - bars)} ${dbm} dBm`;
}
