import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidRequestError } from '../errors/gateway-errors';

/** Whether a process with this id is alive (signal 0 only checks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock file in the journal folder, so two bridges never append to the same journal. A lock left
 * by a process that is gone (a crash, a kill -9) is taken over.
 */
export class JournalLock {
  private constructor(private readonly path: string) {}

  static take(directory: string): JournalLock {
    const path = join(directory, 'journal.lock');
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const fd = openSync(path, 'wx', 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return new JournalLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = Number(readFileSync(path, 'utf8').trim());
        if (Number.isSafeInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
          throw new InvalidRequestError(`The journal in ${directory} is in use by another bridge (process ${holder}); give each bridge its own --journal folder.`, {
            details: { journal: directory, pid: holder },
          });
        }
        if (holder === process.pid) {
          throw new InvalidRequestError(`The journal in ${directory} is already open in this process; close the other bridge first.`, { details: { journal: directory } });
        }
        rmSync(path, { force: true });
      }
    }
    throw new InvalidRequestError(`Cannot lock the journal in ${directory}: remove ${path} if no bridge runs.`, { details: { journal: directory } });
  }

  release(): void {
    rmSync(this.path, { force: true });
  }
}
