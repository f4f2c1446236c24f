'use strict';

/** Timing budget per comparison: a warm-up so the JIT settles, then alternating timed rounds. */
const DEFAULT_PLAN = { warmupMs: 250, rounds: 9, roundMs: 120 };

/**
 * A timing loop compiled separately for each implementation, so V8's type feedback of one
 * (inlining, call-site shapes) never slows down the other, as a shared loop would.
 */
function compileTimedLoop() {
  // eslint-disable-next-line no-new-func
  return new Function(
    'operation',
    'inputs',
    'ms',
    `
    let sink = 0;
    let ops = 0;
    const started = process.hrtime.bigint();
    const deadline = started + BigInt(Math.round(ms * 1e6));
    do {
      for (let i = 0; i < inputs.length; i++) {
        const result = operation(inputs[i]);
        if (result !== undefined && result !== null) sink++;
      }
      ops += inputs.length;
    } while (process.hrtime.bigint() < deadline);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { rate: ops / seconds, sink };
    `,
  );
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Ours against a peer on the same inputs (one op = one input). Rounds alternate ours/peer so
 * a noisy machine (other processes, CPU frequency) hits both alike; the ratio is the median of
 * the per-round ratios, the rates the medians of each side.
 */
function measurePair(inputs, ours, peer, plan = DEFAULT_PLAN) {
  const oursLoop = compileTimedLoop();
  const peerLoop = compileTimedLoop();
  oursLoop(ours, inputs, plan.warmupMs);
  peerLoop(peer, inputs, plan.warmupMs);
  const oursRates = [];
  const peerRates = [];
  const ratios = [];
  for (let round = 0; round < plan.rounds; round++) {
    const oursRate = oursLoop(ours, inputs, plan.roundMs).rate;
    const peerRate = peerLoop(peer, inputs, plan.roundMs).rate;
    oursRates.push(oursRate);
    peerRates.push(peerRate);
    ratios.push(oursRate / peerRate);
  }
  return { oursRate: median(oursRates), peerRate: median(peerRates), ratio: median(ratios) };
}

module.exports = { measurePair, DEFAULT_PLAN };
