'use strict';
/**
 * Child process (run with --expose-gc): one contender sends `total` messages to a simulator that
 * runs in another process, while memory is sampled every 5 ms. Nothing is kept per send (the
 * send loop only counts), so any growth with `total` is the client's own.
 *
 *   node --expose-gc memory-probe.js '{"caseName","kind","simulator","total","concurrency"}'
 *
 * Prints one JSON line: baseline/peak heapUsed, peak RSS (kernel maxrss), heap retained after a
 * full GC at the end, and the send counts. With `"profilePath"` (and `"warmup"` sends first) it
 * records a CPU profile of the send loop alone, without start-up and module loading.
 */
const fs = require('node:fs');
const inspector = require('node:inspector/promises');
const { loadCore } = require('../load-core');
const { GATEWAY_CASES } = require('./gateway-cases');
const { createContender } = require('./contenders');
const { runSends } = require('./send-loop');

async function main() {
  const { caseName, kind, simulator, total, concurrency, profilePath, warmup = 0 } = JSON.parse(process.argv[2]);
  const testCase = GATEWAY_CASES.find((candidate) => candidate.name === caseName);
  const { core } = loadCore();
  const contender = createContender(kind, core, testCase, simulator);
  if (warmup > 0) await runSends(contender.send, warmup, concurrency);
  const session = profilePath ? new inspector.Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  global.gc();
  const baseline = process.memoryUsage();
  let peakHeap = baseline.heapUsed;
  let peakRss = baseline.rss;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    if (now.heapUsed > peakHeap) peakHeap = now.heapUsed;
    if (now.rss > peakRss) peakRss = now.rss;
  }, 5);
  let run;
  try {
    run = await runSends(contender.send, total, concurrency);
  } finally {
    clearInterval(sampler);
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(profilePath, JSON.stringify(profile));
      session.disconnect();
    }
    await contender.close();
  }
  global.gc();
  const end = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({
      total,
      accepted: run.accepted,
      failed: run.failed + run.refused,
      seconds: run.seconds,
      baselineHeap: baseline.heapUsed,
      peakHeap,
      retainedHeap: end.heapUsed,
      baselineRss: baseline.rss,
      peakRss: Math.max(peakRss, process.resourceUsage().maxRSS * 1024),
    })}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack}\n`);
  process.exit(1);
});
