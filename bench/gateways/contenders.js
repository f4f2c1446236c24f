'use strict';
/**
 * The contenders for one gateway case: `ours`, our GatewayClient from the vendor registry built as
 * a host would build it (no injected transport); `raw`, the raw undici loop; and `transport`, the
 * raw loop's requests sent through our UndiciHttpTransport, which splits our overhead into the
 * transport's share and the vendor client's.
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
  const client = core.createVendorRegistry().open(
    testCase.gateway,
    { url: baseUrl, username: simulator.credentials.username, password: simulator.credentials.password, ...testCase.vendorOptions },
    {},
  );
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
  // The whole body as text, as our transport reads it.
  const exchange = async (options) => {
    const response = await pool.request(options);
    return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
  };
  return { send: testCase.createRawSend(exchange, simulator.credentials), close: () => pool.close() };
}

function createTransportOnly(core, testCase, simulator, baseUrl = simulator.baseUrl) {
  const transport = new core.UndiciHttpTransport({ baseUrl, gateway: testCase.gateway, secrets: [simulator.credentials.password] });
  const exchange = async (options) => {
    const response = await transport.request(options);
    return { status: response.status, headers: response.headers, text: response.body };
  };
  return { send: testCase.createRawSend(exchange, simulator.credentials), close: () => transport.close() };
}

/** `kind`: `ours`, `raw` or `transport`. */
function createContender(kind, core, testCase, simulator, baseUrl) {
  if (kind === 'ours') return createOurs(core, testCase, simulator, baseUrl);
  if (kind === 'transport') return createTransportOnly(core, testCase, simulator, baseUrl);
  return createRaw(testCase, simulator, baseUrl);
}

module.exports = { createContender, TRANSPORT_POOL_OPTIONS };
