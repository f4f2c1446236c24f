'use strict';
/**
 * Gateway client bench: for every vendor, 10,000 sends through our client to its simulator
 * against a raw undici loop sending byte-identical requests to the same simulator, in the same
 * run; then the client's peak memory at N and 10 N sends.
 *
 *   node bench/gateways/run.js [--sends=10000] [--rounds=3] [--slices=10] [--concurrency=16] [--warmup=1000]
 *                              [--memory-sends=1000] [--memory-natural] [--no-memory] [--no-speed]
 *                              [--layers] [--only=diafaan,dinstar]
 *
 * --layers adds a third contender, the raw loop's requests through our UndiciHttpTransport, to
 * tell the transport's share of the overhead from the vendor client's.
 *
 * The simulators run in a child process (simulator-host.js), a fresh one for every round; within
 * a round the two contenders send in alternating slices to the same simulator.
 */
const { execFileSync } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const { loadCore } = require('../load-core');
const { formatTable } = require('../format-table');
const { GATEWAY_CASES } = require('./gateway-cases');
const { createContender } = require('./contenders');
const { runSends } = require('./send-loop');
const { SimulatorProcess } = require('./simulator-process');
const { checkWireEquivalence } = require('./wire-check');

const OVERHEAD_TARGET = 0.15;
/** "Flat": ten times the sends may cost at most this much more peak RSS (see PINNED_GC_FLAGS) … */
const FLAT_RSS_RATIO = 1.5;
/** … and leave at most this much more live heap (heap after those GCs). */
const FLAT_LIVE_HEAP_GROWTH = 2 * 2 ** 20;

function parseArguments(argv) {
  const options = { sends: 10_000, rounds: 3, slices: 10, concurrency: 16, warmup: 1_000, memorySends: 1_000, memory: true, memoryNatural: false, speed: true, kinds: ['ours', 'raw'], only: undefined };
  for (const argument of argv) {
    const [name, value] = argument.replace(/^--/, '').split('=');
    if (name === 'no-memory') options.memory = false;
    else if (name === 'no-speed') options.speed = false;
    else if (name === 'memory-natural') options.memoryNatural = true;
    else if (name === 'layers') options.kinds = ['ours', 'transport', 'raw'];
    else if (name === 'only') options.only = value.split(',');
    else if (name === 'memory-sends') options.memorySends = Number(value);
    else if (name in options) options[name] = Number(value);
    else throw new Error(`unknown option ${argument}`);
  }
  return options;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const percent = (ratio) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)} %`;
const megabytes = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

function machineLines(distPath) {
  const cpus = os.cpus();
  const undiciVersion = require('undici/package.json').version;
  return [
    `machine: ${cpus[0] ? cpus[0].model.trim() : 'unknown cpu'} (${cpus.length} threads), ${os.platform()} ${os.arch()}, load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`,
    `node ${process.version}, undici ${undiciVersion}, core ${distPath}`,
  ];
}

function emptyTotals() {
  return { total: 0, seconds: 0, cpuSeconds: 0, accepted: 0, requests: 0, connections: 0, simulatorCpuSeconds: 0, firstFailure: undefined };
}

/**
 * One round on a fresh simulator: both contenders warm up, then each sends `sends` messages in
 * `slices` slices that alternate ours/raw, so a change in machine load (other processes on a
 * shared box) lands on both alike. Every slice pair gives one time ratio.
 */
async function timedRound(core, simulators, testCase, options, round) {
  const gateway = testCase.gateway;
  const simulator = await simulators.start(gateway, testCase.simulatorOptions);
  const kinds = options.kinds;
  const contenders = Object.fromEntries(kinds.map((kind) => [kind, createContender(kind, core, testCase, simulator)]));
  const totals = Object.fromEntries(kinds.map((kind) => [kind, emptyTotals()]));
  /** Per slice, each contender's time over the raw loop's. */
  const sliceRatios = Object.fromEntries(kinds.map((kind) => [kind, []]));
  try {
    for (const kind of kinds) {
      const warm = await runSends(contenders[kind].send, options.warmup, options.concurrency);
      if (warm.accepted !== warm.total) throw new Error(`${testCase.name} ${kind}: warm-up not accepted (${warm.firstFailure ?? `${warm.refused} refused`})`);
    }
    const sliceSize = Math.ceil(options.sends / options.slices);
    for (let slice = 0, done = 0; done < options.sends; slice += 1, done += sliceSize) {
      const size = Math.min(sliceSize, options.sends - done);
      const seconds = {};
      const shift = (slice + round) % kinds.length;
      for (const kind of [...kinds.slice(shift), ...kinds.slice(0, shift)]) {
        const before = await simulators.stats(gateway);
        const run = await runSends(contenders[kind].send, size, options.concurrency);
        const after = await simulators.stats(gateway);
        const sum = totals[kind];
        sum.total += run.total;
        sum.seconds += run.seconds;
        sum.cpuSeconds += run.cpuSeconds;
        sum.accepted += run.accepted;
        sum.requests += after.requests - before.requests;
        sum.connections += after.connections - before.connections;
        sum.simulatorCpuSeconds += (after.cpuMicros - before.cpuMicros) / 1e6;
        sum.firstFailure ??= run.firstFailure;
        seconds[kind] = run.seconds;
      }
      for (const kind of kinds) sliceRatios[kind].push(seconds[kind] / seconds.raw);
    }
  } finally {
    await Promise.all(Object.values(contenders).map((contender) => contender.close()));
    await simulators.stop(gateway);
  }
  return { totals, sliceRatios };
}

function quartiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return [at(0.25), at(0.75)];
}

async function measureSpeed(core, simulators, testCase, options) {
  const rounds = [];
  for (let round = 0; round < options.rounds; round += 1) rounds.push(await timedRound(core, simulators, testCase, options, round));
  const summary = (kind) => {
    const runs = rounds.map((round) => round.totals[kind]);
    return {
      seconds: median(runs.map((run) => run.seconds)),
      cpuMicrosPerSend: median(runs.map((run) => (run.cpuSeconds / run.total) * 1e6)),
      simulatorCpuMicrosPerSend: median(runs.map((run) => (run.simulatorCpuSeconds / run.total) * 1e6)),
      requestsPerSend: median(runs.map((run) => run.requests / run.total)),
      connections: median(runs.map((run) => run.connections)),
      notAccepted: runs.reduce((sum, run) => sum + run.total - run.accepted, 0),
      firstFailure: runs.find((run) => run.firstFailure)?.firstFailure,
      perRound: rounds.map((round) => round.totals[kind].seconds / round.totals.raw.seconds - 1),
      slices: rounds.flatMap((round) => round.sliceRatios[kind]).map((ratio) => ratio - 1),
    };
  };
  const sides = Object.fromEntries(options.kinds.map((kind) => [kind, summary(kind)]));
  return { ...sides, overhead: sides.ours.seconds / sides.raw.seconds - 1 };
}

/**
 * V8 sizes its young generation by allocation rate and lets the old one grow before collecting, so
 * left alone a 10× longer run ends with a bigger heap even when nothing is retained (the raw loop
 * too). A fixed 4 MB semi-space and a full GC every 1000 sends take those heuristics out:
 * what is left to compare is what the batch holds. `--memory-natural` measures without them.
 */
const PINNED_GC_FLAGS = ['--min-semi-space-size=4', '--max-semi-space-size=4'];

function probeMemory(simulator, testCase, kind, total, options) {
  const argument = JSON.stringify({ caseName: testCase.name, kind, simulator, total, concurrency: options.concurrency, gcEvery: options.memoryNatural ? 0 : 1_000 });
  const flags = ['--expose-gc', ...(options.memoryNatural ? [] : PINNED_GC_FLAGS)];
  const output = execFileSync(process.execPath, [...flags, path.join(__dirname, 'memory-probe.js'), argument], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(output.trim().split('\n').pop());
}

async function measureMemory(simulators, testCase, options) {
  const result = {};
  for (const kind of ['ours', 'raw']) {
    for (const total of [options.memorySends, options.memorySends * 10]) {
      const simulator = await simulators.start(testCase.gateway, testCase.simulatorOptions);
      try {
        result[`${kind}${total === options.memorySends ? 'N' : '10N'}`] = probeMemory(simulator, testCase, kind, total, options);
      } finally {
        await simulators.stop(testCase.gateway);
      }
    }
  }
  return result;
}

function printCase(testCase, wire, speed, memory) {
  console.log(`\n== ${testCase.name}`);
  const wireLine = wire.identical
    ? `identical requests (${wire.requestsPerSend} per send${testCase.variableFields.length ? ', per-send fields masked' : ''})`
    : `DIFFERENT requests — request ${wire.difference.index} (ours ${wire.difference.oursCount}, raw ${wire.difference.rawCount} requests)\n--- ours\n${wire.difference.ours}\n--- raw\n${wire.difference.raw}`;
  console.log(`wire:   ${wireLine}`);
  if (speed) {
    const line = (name, side) =>
      `${name}: ${(speed.total / side.seconds).toFixed(0).padStart(6)} sends/s  client CPU ${side.cpuMicrosPerSend.toFixed(0).padStart(4)} µs/send  simulator CPU ${side.simulatorCpuMicrosPerSend.toFixed(0).padStart(4)} µs/send  ${side.requestsPerSend} req/send  ${side.connections} new connections${side.notAccepted ? `  NOT ACCEPTED: ${side.notAccepted} (${side.firstFailure ?? 'refused'})` : ''}`;
    const versusRaw = (name, side) => {
      const [low, high] = quartiles(side.slices);
      return (
        `${name} vs raw: ${percent(side.seconds / speed.raw.seconds - 1)} (per round ${side.perRound.map(percent).join(', ')}; ${side.slices.length} slices: median ${percent(median(side.slices))}, middle half ${percent(low)} … ${percent(high)}); ` +
        `client CPU ${percent(side.cpuMicrosPerSend / speed.raw.cpuMicrosPerSend - 1)}`
      );
    };
    console.log(line('ours     ', speed.ours));
    if (speed.transport) console.log(line('transport', speed.transport));
    console.log(line('raw      ', speed.raw));
    console.log(versusRaw('ours', speed.ours));
    if (speed.transport) console.log(versusRaw('transport', speed.transport));
  }
  if (memory) {
    for (const kind of ['ours', 'raw']) {
      const small = memory[`${kind}N`];
      const large = memory[`${kind}10N`];
      console.log(
        `memory ${kind.padEnd(4)} peak RSS ${megabytes(small.peakRss)} → ${megabytes(large.peakRss)}, live heap ${megabytes(small.peakLiveHeap)} → ${megabytes(large.peakLiveHeap)}, ` +
          `peak heap ${megabytes(small.peakHeap)} → ${megabytes(large.peakHeap)} (N=${small.total} → ${large.total}; start ${megabytes(small.baselineHeap)})`,
      );
    }
  }
}

function isFlat(memory) {
  return memory.ours10N.peakRss / memory.oursN.peakRss <= FLAT_RSS_RATIO && memory.ours10N.peakLiveHeap - memory.oursN.peakLiveHeap <= FLAT_LIVE_HEAP_GROWTH;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const { core, distPath } = loadCore();
  const started = Date.now();
  for (const line of machineLines(distPath)) console.log(line);
  console.log(
    `${options.sends} sends per contender per round in ${options.slices} alternating slices, ${options.concurrency} in flight, ${options.warmup} warm-up sends each, ${options.rounds} rounds, fresh simulator per round`,
  );
  const cases = GATEWAY_CASES.filter((testCase) => !options.only || options.only.includes(testCase.name) || options.only.includes(testCase.gateway));
  const simulators = new SimulatorProcess();
  const rows = [];
  try {
    for (const testCase of cases) {
      let wire;
      let speed;
      let memory;
      try {
        wire = await checkWireEquivalence(core, testCase, simulators);
        if (options.speed) speed = { total: options.sends, ...(await measureSpeed(core, simulators, testCase, options)) };
        if (options.memory) memory = await measureMemory(simulators, testCase, options);
      } catch (error) {
        console.log(`\n== ${testCase.name}\nFAILED: ${error && error.stack}`);
        rows.push([testCase.name, '—', '—', '—', 'error', '—', '—', '—', '—']);
        continue;
      }
      printCase(testCase, wire, speed, memory);
      const rssRatio = memory ? memory.ours10N.peakRss / memory.oursN.peakRss : undefined;
      const pass = speed && wire.identical && speed.overhead <= OVERHEAD_TARGET && speed.ours.notAccepted === 0;
      rows.push([
        testCase.name,
        speed ? `${(speed.total / speed.ours.seconds).toFixed(0)} /s` : '—',
        speed ? `${(speed.total / speed.raw.seconds).toFixed(0)} /s` : '—',
        speed ? percent(speed.overhead) : '—',
        speed ? `${pass ? 'PASS' : 'FAIL'}${wire.identical ? '' : ' (requests differ)'}` : '—',
        speed ? `${speed.ours.cpuMicrosPerSend.toFixed(0)} / ${speed.raw.cpuMicrosPerSend.toFixed(0)} µs` : '—',
        memory ? `${megabytes(memory.oursN.peakRss)} / ${megabytes(memory.ours10N.peakRss)} (${rssRatio.toFixed(2)}×)` : '—',
        memory ? `${megabytes(memory.oursN.peakLiveHeap)} / ${megabytes(memory.ours10N.peakLiveHeap)}` : '—',
        memory ? (isFlat(memory) ? 'flat' : 'GROWS') : '—',
      ]);
    }
  } finally {
    await simulators.close();
  }
  console.log('\n');
  console.log(
    formatTable(
      ['gateway', 'ours', 'raw undici', 'overhead', `≤${OVERHEAD_TARGET * 100} %`, 'client CPU/send ours / raw', `ours peak RSS N / 10N (N=${options.memorySends})`, 'live heap N / 10N', 'memory'],
      rows,
    ),
  );
  console.log(`\n(sends/s = ${options.sends} / median round time; overhead = median ours time / median raw time − 1; CPU = client process only, median;`);
  console.log(
    ` memory: ${options.memoryNatural ? 'default V8 heap sizing, no forced GC' : '4 MB semi-space, full GC every 1000 sends'}; flat = peak RSS at 10N ≤ ${FLAT_RSS_RATIO}× that at N and live heap grows ≤ ${megabytes(FLAT_LIVE_HEAP_GROWTH)})`,
  );
  console.log(`bench took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
