'use strict';
/**
 * Child process (run with --expose-gc): one contender sends `total` messages to a simulator that
 * runs in another process, while memory is sampled every 5 ms. Nothing is kept per send (the
 * send loop only counts), so any growth with `total` is the client's own.
 *
 * A full GC runs after every `gcEvery` sends (default 1000; 0 = never). The heap left after those
 * GCs is what the batch really holds (the live set), and the garbage that can pile up between two
 * collections is the same for N and 10 N, so peak RSS compares what the two batches need rather
 * than how far V8 chose to let the heap grow (without forced GCs it lets it grow with the
 * allocation rate, for the raw undici loop too).
 *
 *   node --expose-gc memory-probe.js '{"caseName","kind","simulator","total","concurrency"}'
 *
 * Prints one JSON line: baseline/peak heapUsed, the peak live heap, peak RSS (kernel maxrss),
 * the heap retained after the contender is closed, and the send counts. With `"profilePath"` (and `"warmup"` sends first) it
 * records a CPU profile of the send loop alone, without start-up and module loading.
 */
const fs = require('node:fs');
const inspector = require('node:inspector/promises');
const { loadCore } = require('../load-core');
const { GATEWAY_CASES } = require('./gateway-cases');
const { createContender } = require('./contenders');
const { runSends } = require('./send-loop');

async function main() {
  const { caseName, kind, simulator, total, concurrency, profilePath, warmup = 0, gcEvery = 1_000 } = JSON.parse(process.argv[2]);
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
  // One leg when profiling: forced collections would show up in the profile.
  const leg = profilePath || !(gcEvery > 0) ? total : gcEvery;
  const run = { accepted: 0, failed: 0, refused: 0, seconds: 0 };
  let peakLiveHeap = 0;
  try {
    for (let done = 0; done < total; done += leg) {
      const part = await runSends(contender.send, Math.min(leg, total - done), concurrency);
      for (const key of Object.keys(run)) run[key] += part[key];
      global.gc();
      peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed);
    }
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
      peakLiveHeap,
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
