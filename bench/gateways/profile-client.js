'use strict';
/**
 * Where a client's time goes: runs memory-probe.js under `--cpu-prof` (ours and the raw loop, each
 * on a fresh simulator in the simulator host) and prints the self time per function and per file.
 *
 *   node bench/gateways/profile-client.js [routesms,jasmin] [--sends=10000] [--profile-simulator]
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

function summarise(profilePath, top = 18) {
  const self = selfTimes(JSON.parse(fs.readFileSync(profilePath, 'utf8')));
  const total = [...self.values()].reduce((sum, ms) => sum + ms, 0);
  const byFunction = new Map();
  const byFile = new Map();
  for (const [node, ms] of self) {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = shortFile(url);
    const name = `${functionName || '(anonymous)'} ${file}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    const group = /^\((idle|garbage collector|program)\)$/.test(functionName) ? functionName : file;
    byFile.set(group, (byFile.get(group) ?? 0) + ms);
  }
  const rows = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => [name, `${ms.toFixed(0)} ms`, `${((ms / total) * 100).toFixed(1)} %`]);
  return { total, functions: rows(byFunction), files: rows(byFile) };
}

async function main() {
  const argv = process.argv.slice(2);
  const names = argv.find((argument) => !argument.startsWith('--'))?.split(',');
  const sends = Number(argv.find((argument) => argument.startsWith('--sends='))?.split('=')[1] ?? 10_000);
  const profileSimulator = argv.includes('--profile-simulator');
  fs.mkdirSync(PROFILE_DIR, { recursive: true });
  const cases = GATEWAY_CASES.filter((testCase) => !names || names.includes(testCase.name));
  const simulators = new SimulatorProcess(profileSimulator ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []);
  try {
    for (const testCase of cases) {
      for (const kind of ['ours', 'raw']) {
        const simulator = await simulators.start(testCase.gateway, testCase.simulatorOptions);
        const name = `${testCase.name.replace(/\W/g, '-')}-${kind}.cpuprofile`;
        try {
          const argument = JSON.stringify({ caseName: testCase.name, kind, simulator, total: sends, concurrency: 16 });
          execFileSync(process.execPath, ['--expose-gc', '--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${name}`, path.join(__dirname, 'memory-probe.js'), argument], {
            stdio: ['ignore', 'ignore', 'inherit'],
          });
        } finally {
          await simulators.stop(testCase.gateway);
        }
        const summary = summarise(path.join(PROFILE_DIR, name));
        console.log(`\n== ${testCase.name} ${kind}: ${sends} sends, ${summary.total.toFixed(0)} ms sampled (${path.join(PROFILE_DIR, name)})`);
        console.log(formatTable(['self time by file', 'ms', 'share'], summary.files));
        console.log('');
        console.log(formatTable(['self time by function', 'ms', 'share'], summary.functions));
      }
    }
  } finally {
    await simulators.close();
  }
  if (profileSimulator) console.log(`\nsimulator host profile: ${PROFILE_DIR}/CPU.*.cpuprofile (summarise with this script's summarise())`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

module.exports = { summarise };
