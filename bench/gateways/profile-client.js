'use strict';
/**
 * Where a client's time goes: memory-probe.js profiles the send loop (after a warm-up, without
 * start-up) of ours and of the raw loop, each on a fresh simulator in the simulator host. Printed:
 * time per send by area (our core files, libphonenumber-js, undici, node internals, GC, idle),
 * ours next to raw, then our client's hottest functions. The profiler samples wall time, so on a
 * busy machine native calls (socket writes) also carry the time the process was descheduled.
 *
 *   node bench/gateways/profile-client.js [routesms,jasmin] [--sends=10000] [--layers] [--profile-simulator]
 *
 * --layers also profiles the raw loop's requests sent through our UndiciHttpTransport.
 *
 * Profiles are kept in <tmpdir>/smsbridge-gateway-profiles/ for Chrome DevTools / speedscope.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { formatTable } = require('../format-table');
const { GATEWAY_CASES } = require('./gateway-cases');
const { SimulatorProcess } = require('./simulator-process');

const PROFILE_DIR = path.join(os.tmpdir(), 'smsbridge-gateway-profiles');

/** Self time per callFrame, in ms, from a V8 .cpuprofile. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  for (let index = 0; index < profile.samples.length; index += 1) {
    const node = byId.get(profile.samples[index]);
    const delta = (profile.timeDeltas[index] ?? 0) / 1000;
    self.set(node, (self.get(node) ?? 0) + delta);
  }
  return self;
}

function shortFile(url) {
  if (!url) return '(native)';
  const file = url.replace(/^file:\/\//, '');
  const core = /\/(codec|vendors|transport|simulator|errors|model|clock)\/.*$/.exec(file);
  if (core) return `core ${core[0].slice(1)}`;
  const module = /node_modules\/(.*)$/.exec(file);
  if (module) return module[1];
  return file.replace(/^.*\/bench\//, 'bench/');
}

/** Which part of the stack a sample belongs to. */
function areaOf(functionName, url) {
  if (/^\((idle|garbage collector|program)\)$/.test(functionName)) return functionName;
  const file = shortFile(url);
  if (file.startsWith('core ')) return `core ${file.split('/')[0].slice(5)}/${file.split('/')[1] ?? ''}`.replace(/\/$/, '');
  if (file.startsWith('undici/')) return 'undici';
  if (/^(libphonenumber-js)\//.test(file)) return file.split('/')[0];
  if (file.startsWith('bench/')) return 'bench (loop, raw send)';
  if (file === '(native)') return `native ${functionName}`;
  return 'node internals';
}

function summarise(profilePath) {
  const self = selfTimes(JSON.parse(fs.readFileSync(profilePath, 'utf8')));
  const total = [...self.values()].reduce((sum, ms) => sum + ms, 0);
  const byFunction = new Map();
  const byArea = new Map();
  for (const [node, ms] of self) {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = shortFile(url);
    if (file.startsWith('core ') || file.startsWith('libphonenumber-js')) {
      const name = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    }
    const area = areaOf(functionName, url);
    byArea.set(area, (byArea.get(area) ?? 0) + ms);
  }
  return { total, byFunction, byArea };
}

const micros = (ms, sends) => `${((ms * 1000) / sends).toFixed(1)}`;

function compareAreas(ours, raw, sends, top = 16) {
  const areas = new Set([...ours.byArea.keys(), ...raw.byArea.keys()]);
  return [...areas]
    .map((area) => [area, ours.byArea.get(area) ?? 0, raw.byArea.get(area) ?? 0])
    .sort((a, b) => b[1] - b[2] - (a[1] - a[2]))
    .slice(0, top)
    .map(([area, oursMs, rawMs]) => [area, micros(oursMs, sends), micros(rawMs, sends), `${oursMs - rawMs >= 0 ? '+' : ''}${micros(oursMs - rawMs, sends)}`]);
}

async function profileOne(simulators, testCase, kind, sends) {
  const simulator = await simulators.start(testCase.gateway, testCase.simulatorOptions);
  const profilePath = path.join(PROFILE_DIR, `${testCase.name.replace(/\W/g, '-')}-${kind}.cpuprofile`);
  try {
    const argument = JSON.stringify({ caseName: testCase.name, kind, simulator, total: sends, concurrency: 16, warmup: 1_000, profilePath });
    execFileSync(process.execPath, ['--expose-gc', path.join(__dirname, 'memory-probe.js'), argument], { stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    await simulators.stop(testCase.gateway);
  }
  return { ...summarise(profilePath), profilePath };
}

async function main() {
  const argv = process.argv.slice(2);
  const names = argv.find((argument) => !argument.startsWith('--'))?.split(',');
  const sends = Number(argv.find((argument) => argument.startsWith('--sends='))?.split('=')[1] ?? 10_000);
  const profileSimulator = argv.includes('--profile-simulator');
  const layers = argv.includes('--layers');
  fs.mkdirSync(PROFILE_DIR, { recursive: true });
  const cases = GATEWAY_CASES.filter((testCase) => !names || names.includes(testCase.name));
  const simulators = new SimulatorProcess(profileSimulator ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []);
  try {
    for (const testCase of cases) {
      const raw = await profileOne(simulators, testCase, 'raw', sends);
      for (const kind of layers ? ['ours', 'transport'] : ['ours']) {
        const ours = await profileOne(simulators, testCase, kind, sends);
        console.log(`\n== ${testCase.name}, ${kind} vs raw: ${sends} sends; wall time sampled ${micros(ours.total, sends)} µs/send ${kind}, ${micros(raw.total, sends)} µs/send raw`);
        console.log(`   ${ours.profilePath}\n   ${raw.profilePath}`);
        console.log(formatTable(['area (self time)', `${kind} µs/send`, 'raw µs/send', 'difference'], compareAreas(ours, raw, sends)));
        const hottest = [...ours.byFunction.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
        console.log('');
        console.log(formatTable([`${kind}: our code, hottest functions (self)`, 'µs/send'], hottest.map(([name, ms]) => [name, micros(ms, sends)])));
      }
    }
  } finally {
    await simulators.close();
  }
  if (profileSimulator) console.log(`\nsimulator host profile: ${PROFILE_DIR}/CPU.*.cpuprofile`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

module.exports = { summarise };
