#!/usr/bin/env node
import { getEventListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliCommands } from './command-table';
import { runCli } from './run-cli';

/** The `smsbridge` bin: wires the real process to `runCli`; everything else is testable in-process. */
function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

const abort = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // A command that listens (a server, a simulator) gets to stop cleanly; otherwise, and on a
  // second signal, the default action ends the process.
  process.once(signal, () => {
    if (getEventListeners(abort.signal, 'abort').length > 0) abort.abort(signal);
    else process.kill(process.pid, signal);
  });
}
// A reader that goes away (`smsbridge … | head`) is not an error worth a message.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, signal: abort.signal, env: process.env }, {
  commands: cliCommands,
  version: readVersion(),
}).then((code) => {
  process.exitCode = code;
});
