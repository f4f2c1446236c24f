'use strict';
/**
 * The two contenders for one gateway case: our GatewayClient from the vendor registry, built as a
 * host would build it (no injected transport), and the raw undici loop.
 */
const { Pool } = require('undici');

/**
 * The pool our UndiciHttpTransport builds with its defaults (4 connections, 4 s keep-alive,
 * 30 s header/body timeouts, 10 s connect timeout): the raw loop gets the same one, so both
 * contenders queue the same way behind the same number of sockets.
 */
const TRANSPORT_POOL_OPTIONS = {
  connections: 4,
  keepAliveTimeout: 4_000,
  headersTimeout: 30_000,
  bodyTimeout: 30_000,
  connect: { timeout: 10_000, rejectUnauthorized: true },
};

/** `{send(): Promise<boolean>, close()}` for our client; `send` resolves to "accepted". */
function createOurs(core, testCase, simulator, baseUrl = simulator.baseUrl) {
  const client = core.createVendorRegistry().get(testCase.gateway).createClient({
    baseUrl,
    username: simulator.credentials.username,
    password: simulator.credentials.password,
    vendorOptions: testCase.vendorOptions,
  });
  return {
    send: async () => {
      const [result] = await client.send(testCase.request());
      return result.accepted === true;
    },
    close: () => client.close(),
  };
}

function createRaw(testCase, simulator, baseUrl = simulator.baseUrl) {
  const pool = new Pool(new URL(baseUrl).origin, TRANSPORT_POOL_OPTIONS);
  return {
    send: testCase.createRawSend(pool, simulator.credentials),
    close: () => pool.close(),
  };
}

function createContender(kind, core, testCase, simulator, baseUrl) {
  return kind === 'ours' ? createOurs(core, testCase, simulator, baseUrl) : createRaw(testCase, simulator, baseUrl);
}

module.exports = { createContender, TRANSPORT_POOL_OPTIONS };
