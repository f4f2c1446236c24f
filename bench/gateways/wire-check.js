'use strict';
/**
 * Proves that our client and the raw loop put the same bytes on the wire: both send through a
 * recording TCP proxy in front of a fresh simulator, and the requests of a few sends (after one
 * warm-up send, which for Dinstar includes the 401 challenge) are compared byte for byte, after
 * masking the case's `variableFields`.
 */
const net = require('node:net');
const { createContender } = require('./contenders');

const HEADER_END = Buffer.from('\r\n\r\n');

/** Splits one connection's client→server bytes into whole requests (content-length bodies). */
function requestSplitter(onRequest) {
  let pending = Buffer.alloc(0);
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      const end = pending.indexOf(HEADER_END);
      if (end < 0) return;
      const head = pending.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      const size = end + HEADER_END.length + length;
      if (pending.length < size) return;
      onRequest(pending.subarray(0, size).toString('utf8'));
      pending = pending.subarray(size);
    }
  };
}

class RecordingProxy {
  constructor(target) {
    this.target = target;
    this.requests = [];
    this.sockets = new Set();
    this.server = net.createServer((client) => {
      const upstream = net.connect(target.port, target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {});
      }
      client.on('data', requestSplitter((request) => this.requests.push(request)));
      client.pipe(upstream);
      upstream.pipe(client);
    });
  }

  async start() {
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${this.server.address().port}`;
  }

  take() {
    const taken = this.requests;
    this.requests = [];
    return taken;
  }

  async close() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

function mask(request, variableFields) {
  return variableFields.reduce((text, pattern) => text.replace(pattern, (found) => found.replace(/[0-9a-f]+(?="?$)/i, '…')), request);
}

async function recordSends(kind, core, testCase, simulator, proxy, proxyUrl, sends) {
  const contender = createContender(kind, core, testCase, simulator, proxyUrl);
  try {
    if (!(await contender.send())) throw new Error(`${kind} warm-up send through the proxy was not accepted`);
    // The answer is read before the next request leaves, so the order of records is the order of requests.
    proxy.take();
    for (let index = 0; index < sends; index += 1) {
      if (!(await contender.send())) throw new Error(`${kind} send through the proxy was not accepted`);
    }
    return proxy.take();
  } finally {
    await contender.close();
  }
}

/** `{identical, requestsPerSend, sample, difference?}` for one case. */
async function checkWireEquivalence(core, testCase, simulators, sends = 3) {
  const simulator = await simulators.start(testCase.gateway, testCase.simulatorOptions);
  const proxy = new RecordingProxy(new URL(simulator.baseUrl));
  const proxyUrl = await proxy.start();
  try {
    const ours = (await recordSends('ours', core, testCase, simulator, proxy, proxyUrl, sends)).map((request) => mask(request, testCase.variableFields));
    const raw = (await recordSends('raw', core, testCase, simulator, proxy, proxyUrl, sends)).map((request) => mask(request, testCase.variableFields));
    const result = { identical: ours.length === raw.length && ours.every((request, index) => request === raw[index]), requestsPerSend: ours.length / sends, sample: ours[ours.length - 1] };
    if (!result.identical) {
      const index = ours.findIndex((request, at) => request !== raw[at]);
      result.difference = { index, ours: ours[index], raw: raw[index], oursCount: ours.length, rawCount: raw.length };
    }
    return result;
  } finally {
    await proxy.close();
    await simulators.stop(testCase.gateway);
  }
}

module.exports = { checkWireEquivalence };
