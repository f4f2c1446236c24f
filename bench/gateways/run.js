'use strict';
/**
 * Gateway client bench: for every vendor, 10,000 sends through our client to its simulator
 * against a raw undici loop sending byte-identical requests to the same simulator, in the same
 * run; then the client's peak memory at N and 10 N sends.
 *
 *   node bench/gateways/run.js [--sends=10000] [--rounds=3] [--concurrency=16] [--warmup=500]
 *                              [--memory-sends=1000] [--no-memory] [--no-speed] [--only=diafaan,dinstar]
 *
 * The simulators run in a child process (simulator-host.js), a fresh one for every batch.
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
/** "Flat": ten times the sends may cost at most this much more peak RSS (full GC every 1000 sends) … */
const FLAT_RSS_RATIO = 1.5;
/** … and leave at most this much more live heap (heap after those GCs). */
const FLAT_LIVE_HEAP_GROWTH = 2 * 2 ** 20;

function parseArguments(argv) {
  const options = { sends: 10_000, rounds: 3, concurrency: 16, warmup: 500, memorySends: 1_000, memory: true, speed: true, only: undefined };
  for (const argument of argv) {
    const [name, value] = argument.replace(/^--/, '').split('=');
    if (name === 'no-memory') options.memory = false;
    else if (name === 'no-speed') options.speed = false;
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

/** One timed batch on a fresh simulator: warm-up, then `sends` sends. */
async function timedBatch(core, simulators, testCase, kind, options) {
  const simulator = await simulators.start(testCase.gateway, testCase.simulatorOptions);
  const contender = createContender(kind, core, testCase, simulator);
  try {
    const warm = await runSends(contender.send, options.warmup, options.concurrency);
    if (warm.accepted !== warm.total) throw new Error(`${testCase.name} ${kind}: warm-up not accepted (${warm.firstFailure ?? `${warm.refused} refused`})`);
    const before = await simulators.stats(testCase.gateway);
    const run = await runSends(contender.send, options.sends, options.concurrency);
    const after = await simulators.stats(testCase.gateway);
    return {
      ...run,
      requestsPerSend: (after.requests - before.requests) / run.total,
      connections: after.connections - before.connections,
      simulatorCpuSeconds: (after.cpuMicros - before.cpuMicros) / 1e6,
    };
  } finally {
    await contender.close();
    await simulators.stop(testCase.gateway);
  }
}

async function measureSpeed(core, simulators, testCase, options) {
  const rounds = { ours: [], raw: [] };
  for (let round = 0; round < options.rounds; round += 1) {
    // Alternate who goes first, so drift in machine load hits both alike.
    for (const kind of round % 2 === 0 ? ['ours', 'raw'] : ['raw', 'ours']) {
      rounds[kind].push(await timedBatch(core, simulators, testCase, kind, options));
    }
  }
  const summary = (runs) => ({
    seconds: median(runs.map((run) => run.seconds)),
    cpuMicrosPerSend: median(runs.map((run) => (run.cpuSeconds / run.total) * 1e6)),
    simulatorCpuMicrosPerSend: median(runs.map((run) => (run.simulatorCpuSeconds / run.total) * 1e6)),
    requestsPerSend: median(runs.map((run) => run.requestsPerSend)),
    connections: median(runs.map((run) => run.connections)),
    notAccepted: runs.reduce((sum, run) => sum + run.total - run.accepted, 0),
    firstFailure: runs.find((run) => run.firstFailure)?.firstFailure,
  });
  const ours = summary(rounds.ours);
  const raw = summary(rounds.raw);
  const perRound = rounds.ours.map((run, index) => run.seconds / rounds.raw[index].seconds - 1);
  return { ours, raw, overhead: ours.seconds / raw.seconds - 1, perRound };
}

function probeMemory(simulator, testCase, kind, total, concurrency) {
  const argument = JSON.stringify({ caseName: testCase.name, kind, simulator, total, concurrency });
  const output = execFileSync(process.execPath, ['--expose-gc', path.join(__dirname, 'memory-probe.js'), argument], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(output.trim().split('\n').pop());
}

async function measureMemory(simulators, testCase, options) {
  const result = {};
  for (const kind of ['ours', 'raw']) {
    for (const total of [options.memorySends, options.memorySends * 10]) {
      const simulator = await simulators.start(testCase.gateway, testCase.simulatorOptions);
      try {
        result[`${kind}${total === options.memorySends ? 'N' : '10N'}`] = probeMemory(simulator, testCase, kind, total, options.concurrency);
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
      `${name}: ${(speedTotal / side.seconds).toFixed(0).padStart(6)} sends/s  client CPU ${side.cpuMicrosPerSend.toFixed(0).padStart(4)} µs/send  simulator CPU ${side.simulatorCpuMicrosPerSend.toFixed(0).padStart(4)} µs/send  ${side.requestsPerSend} req/send  ${side.connections} new connections${side.notAccepted ? `  NOT ACCEPTED: ${side.notAccepted} (${side.firstFailure ?? 'refused'})` : ''}`;
    const speedTotal = speed.total;
    console.log(line('ours  ', speed.ours));
    console.log(line('raw   ', speed.raw));
    console.log(`overhead ${percent(speed.overhead)} (per round ${speed.perRound.map(percent).join(', ')}); client CPU ${percent(speed.ours.cpuMicrosPerSend / speed.raw.cpuMicrosPerSend - 1)}`);
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
  console.log(`${options.sends} sends per batch, ${options.concurrency} in flight, ${options.warmup} warm-up sends, ${options.rounds} alternating rounds, fresh simulator per batch`);
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
  console.log(`\n(sends/s = ${options.sends} / median batch time; overhead = median ours time / median raw time − 1; CPU = client process only, median;`);
  console.log(` memory flat = peak RSS at 10N ≤ ${FLAT_RSS_RATIO}× that at N and live heap (after full GCs) grows ≤ ${megabytes(FLAT_LIVE_HEAP_GROWTH)})`);
  console.log(`bench took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
