'use strict';

/**
 * Runs `total` sends with `concurrency` in flight and nothing kept per send but two counters, so
 * memory does not depend on `total`. Resolves to wall time, client CPU time and the counts.
 */
async function runSends(send, total, concurrency) {
  let started = 0;
  let accepted = 0;
  let refused = 0;
  let failed = 0;
  let firstFailure;
  const cpuBefore = process.cpuUsage();
  const begin = process.hrtime.bigint();
  const worker = async () => {
    while (started < total) {
      started += 1;
      try {
        if (await send()) accepted += 1;
        else refused += 1;
      } catch (error) {
        failed += 1;
        firstFailure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return { total, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, accepted, refused, failed, firstFailure };
}

module.exports = { runSends };
