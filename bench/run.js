'use strict';
/**
 * smsbridge codec bench: ours vs node-pdu, split-sms and sms-segments-calculator on the same
 * inputs in the same process. `npm run bench` (builds first) or `node bench/run.js` after a build.
 */
const os = require('node:os');
const { loadCore } = require('./load-core');
const { comparePduDecode } = require('./compare-pdu-decode');
const { comparePduEncode } = require('./compare-pdu-encode');
const { compareSegmentCount } = require('./compare-segment-count');
const { formatTable, formatRate, briefText } = require('./format-table');

function machineLine() {
  const cpus = os.cpus();
  const model = cpus.length > 0 ? cpus[0].model.trim() : 'unknown cpu';
  return `${model} (${cpus.length} threads), ${os.platform()} ${os.arch()}, node ${process.version}`;
}

function cell(value) {
  if (value === undefined) return '—';
  return typeof value === 'string' ? briefText(value) : JSON.stringify(value);
}

function main() {
  const { core, distPath } = loadCore();
  const started = Date.now();
  console.log(`machine: ${machineLine()}`);
  console.log(`core:    ${distPath}\n`);

  const comparisons = [comparePduDecode(core), comparePduEncode(core), ...compareSegmentCount(core)];

  console.log(
    formatTable(
      ['task', 'peer', 'inputs', 'ours', 'peer', 'ratio', 'target', ''],
      comparisons.map((c) => {
        return [c.task, c.peer, c.inputs, formatRate(c.oursRate), formatRate(c.peerRate), `${c.ratio.toFixed(1)}×`, `≥${c.target}×`, c.ratio >= c.target ? 'ok' : 'BELOW TARGET'];
      }),
    ),
  );
  console.log('\n(ops/s = inputs handled per second, median of 9 alternating rounds after a warm-up; ratio = median of per-round ours/peer)\n');

  for (const c of comparisons) {
    if (c.disagreements.length === 0) {
      console.log(`${c.task} vs ${c.peer}: identical answers on all ${c.inputs} inputs\n`);
      continue;
    }
    console.log(`${c.task} vs ${c.peer}: ${c.disagreements.length} disagreement(s)`);
    console.log(
      formatTable(
        ['input', 'field', 'ours', 'peer', 'spec', 'verdict'],
        c.disagreements.map((d) => [d.input, d.field, cell(d.ours), cell(d.peer), cell(d.spec), d.verdict]),
      ),
    );
    console.log('');
  }
  console.log(`bench took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
