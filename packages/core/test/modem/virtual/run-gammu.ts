import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GammuRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Writes a gammurc for an AT modem at `device` into `directory`; Gammu logs its traffic to `gammu.log` there. */
export function writeGammuConfig(directory: string, device: string): string {
  const path = join(directory, 'gammurc');
  writeFileSync(path, `[gammu]\ndevice = ${device}\nconnection = at\nlogfile = ${join(directory, 'gammu.log')}\nlogformat = textall\n`);
  return path;
}

/** Runs gammu with a config; killed (SIGKILL) when it outlives `timeoutMs`. */
export function runGammu(config: string, args: string[], timeoutMs = 20000): Promise<GammuRun> {
  return new Promise((resolve) => {
    execFile('gammu', ['-c', config, ...args], { timeout: timeoutMs, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      const exitCode = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ exitCode, stdout, stderr });
    });
  });
}

/** A run's outcome with the tail of Gammu's log, so a failing test shows the exchange that broke; '' when it succeeded. */
export function explainGammuRun(run: GammuRun, directory: string): string {
  if (run.exitCode === 0) return '';
  let log: string;
  try {
    log = readFileSync(join(directory, 'gammu.log'), 'utf8');
  } catch {
    log = '(no log)';
  }
  return `exit ${run.exitCode}\n${run.stdout}\n${run.stderr}\n${log.slice(-4000)}`;
}
