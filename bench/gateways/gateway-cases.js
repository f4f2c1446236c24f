'use strict';
/**
 * What is sent to each gateway, by our client and by the raw undici loop.
 *
 * Each case gives the GatewayClient options and SendRequest for our side, and a raw send written
 * the way a careful developer would talk to that API with undici alone: the same method, path,
 * query, headers (and header order) and body as our client, read to the end, with the smallest
 * check that the gateway accepted it. wire-check.js proves the two are byte-identical on the wire
 * before anything is timed; `variableFields` lists what legitimately differs per send.
 *
 * `createRawSend(exchange, credentials)` gets the function that moves one request,
 * `exchange({method, path, headers, body}) → {status, headers, text}`: an undici Pool for the raw
 * contender, our UndiciHttpTransport for the `transport` layer contender (contenders.js).
 */
const { createHash, randomBytes } = require('node:crypto');

const TEXT = 'Your code is 4711. Reply STOP to opt out.';
const RECIPIENT = '+491701234567';
const RECIPIENT_DIGITS = '491701234567';

const enc = encodeURIComponent;

function isSuccessCode(text) {
  const code = JSON.parse(text).code;
  return code === 0 || code === 200;
}

const diafaan = {
  name: 'diafaan',
  gateway: 'diafaan',
  request: () => ({ to: [RECIPIENT], text: TEXT }),
  vendorOptions: {},
  createRawSend(exchange, { username, password }) {
    return async () => {
      const body = `username=${enc(username)}&password=${enc(password)}&to=${enc(RECIPIENT)}&message=${enc(TEXT)}&message-type=sms.text`;
      const answer = await exchange({
        method: 'POST',
        path: '/http/send-message',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
      });
      return answer.status === 200 && answer.text.startsWith('OK:');
    };
  },
  variableFields: [],
};

const routesms = {
  name: 'routesms',
  gateway: 'routesms',
  request: () => ({ to: [RECIPIENT], text: TEXT, from: 'Bridge' }),
  vendorOptions: {},
  createRawSend(exchange, { username, password }) {
    return async () => {
      const query = `username=${enc(username)}&password=${enc(password)}&type=0&dlr=1&destination=${RECIPIENT_DIGITS}&source=Bridge&message=${enc(TEXT)}`;
      const answer = await exchange({ method: 'GET', path: `/bulksms/bulksms?${query}`, headers: { accept: 'text/plain, */*' } });
      return answer.status === 200 && answer.text.startsWith('1701|');
    };
  },
  variableFields: [],
};

const jasmin = {
  name: 'jasmin',
  gateway: 'jasmin',
  request: () => ({ to: [RECIPIENT], text: TEXT }),
  vendorOptions: {},
  // The simulator's default account holds 10.23 credits (7 messages): make it unlimited.
  simulatorOptions: { balance: 'ND' },
  createRawSend(exchange, { username, password }) {
    const authorization = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
    return async () => {
      const answer = await exchange({
        method: 'POST',
        path: '/secure/send',
        headers: { authorization, accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ to: RECIPIENT_DIGITS, content: TEXT }),
      });
      return answer.status === 200 && answer.text.includes('Success');
    };
  },
  variableFields: [],
};

const SPANGW_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

/** Default configuration: the client asks get_valid_spans before every send (two exchanges per send). */
const spangw = {
  name: 'spangw',
  gateway: 'spangw',
  request: () => ({ to: [RECIPIENT], text: TEXT }),
  vendorOptions: {},
  createRawSend(exchange, { username, password }) {
    return async () => {
      const listed = await exchange({ method: 'POST', path: '/sms/get_valid_spans', headers: SPANGW_HEADERS, body: JSON.stringify({ username, password }) });
      const spans = JSON.parse(listed.text).data.filter((span) => Number(span.status) === 1).map((span) => Number(span.port));
      const answer = await exchange({
        method: 'POST',
        path: '/sms/send',
        headers: SPANGW_HEADERS,
        body: JSON.stringify({ username, password, spans, dest_num: RECIPIENT, msg: TEXT, mode: 0 }),
      });
      return answer.status === 200 && isSuccessCode(answer.text);
    };
  },
  variableFields: [],
};

/** The span gateway with `vendorOptions.spans` configured: one exchange per send. */
const spangwPinned = {
  name: 'spangw/spans',
  gateway: 'spangw',
  request: () => ({ to: [RECIPIENT], text: TEXT }),
  vendorOptions: { spans: [1] },
  createRawSend(exchange, { username, password }) {
    return async () => {
      const answer = await exchange({
        method: 'POST',
        path: '/sms/send',
        headers: SPANGW_HEADERS,
        body: JSON.stringify({ username, password, spans: [1], dest_num: RECIPIENT, msg: TEXT, mode: 0 }),
      });
      return answer.status === 200 && isSuccessCode(answer.text);
    };
  },
  variableFields: [],
};

/**
 * Digest as our client does it (RFC 7616, qop=auth, MD5): the first request goes bare and its 401
 * challenge is kept; every later request answers that nonce with a growing nc and a fresh
 * 8-byte cnonce. Connections are kept alive (the client's default `keepAlive: true`).
 */
const dinstar = {
  name: 'dinstar',
  gateway: 'dinstar',
  request: () => ({ to: [RECIPIENT], text: TEXT }),
  vendorOptions: {},
  createRawSend(exchange, { username, password }) {
    let challenge;
    let nonceCount = 0;
    // Same scheme as the client's default: seconds since the epoch in the high bits.
    let nextUserId = (Math.floor(Date.now() / 1000) % 2 ** 21) * 1024;
    const md5 = (text) => createHash('md5').update(text, 'utf8').digest('hex');
    const authorization = (uri) => {
      const cnonce = randomBytes(8).toString('hex');
      nonceCount += 1;
      const nc = nonceCount.toString(16).padStart(8, '0');
      const ha1 = md5(`${username}:${challenge.realm}:${password}`);
      const response = md5(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:auth:${md5(`POST:${uri}`)}`);
      return `Digest username="${username}", realm="${challenge.realm}", nonce="${challenge.nonce}", uri="${uri}", algorithm=MD5, response="${response}", qop=auth, nc=${nc}, cnonce="${cnonce}", opaque="${challenge.opaque}"`;
    };
    const takeChallenge = (header) => {
      const field = (name) => new RegExp(`${name}="([^"]*)"`).exec(header)[1];
      challenge = { realm: field('realm'), nonce: field('nonce'), opaque: field('opaque') };
      nonceCount = 0;
    };
    return async () => {
      const path = '/api/send_sms';
      const body = JSON.stringify({ text: TEXT, param: [{ number: RECIPIENT, user_id: nextUserId++ }], encoding: 'gsm-7bit' });
      const post = (auth) =>
        exchange({
          method: 'POST',
          path,
          headers: { accept: 'application/json', 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
          body,
        });
      let answer;
      if (!challenge) {
        answer = await post(undefined);
        if (answer.status !== 401) return false;
        takeChallenge(answer.headers['www-authenticate']);
      }
      answer = await post(authorization(path));
      if (answer.status === 401) {
        takeChallenge(answer.headers['www-authenticate']);
        answer = await post(authorization(path));
      }
      return answer.status === 200 && JSON.parse(answer.text).error_code === 202;
    };
  },
  // Per send: a new user_id (and so a content-length that may change), a fresh cnonce, nc and response.
  variableFields: [/"user_id":\d+/g, /content-length: \d+/gi, /nonce="[0-9a-f]+"/g, /cnonce="[0-9a-f]+"/g, /response="[0-9a-f]+"/g, /nc=[0-9a-f]+/g],
};

const GATEWAY_CASES = [diafaan, routesms, jasmin, spangw, spangwPinned, dinstar];

module.exports = { GATEWAY_CASES, TEXT, RECIPIENT };
