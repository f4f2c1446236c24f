import type { Clock } from '../clock/clock';
import type { AtEngine } from './at/at-engine';
import { delay } from './delay';
import { parseSmsCenter } from './device/sms-center';
import { ModemCommandError, ModemError, ModemPinError, ModemSimError, ModemTimeoutError, ModemUnavailableError } from './modem-errors';
import type { ModemSessionSettings } from './modem-session-settings';

/** What start-up learned about the session. */
export interface ModemSessionFacts {
  /** `+CSMS` service 1 needs `+CNMA` after each directly delivered message. */
  messageService: number | undefined;
  smsc: string | undefined;
  /** Current read memory (`+CPMS` mem1), when known. */
  readStorage: string | undefined;
  /** `AT+CGMI`, for the few dialect choices (Huawei's packed-hex USSD). */
  manufacturer: string | undefined;
}

/**
 * Brings a freshly opened modem into the state the driver relies on: answering, echo off, SIM
 * unlocked, PDU mode, character set, indications. Fails with a typed error that says what to fix.
 */
export async function startModemSession(engine: AtEngine, settings: ModemSessionSettings, clock: Clock): Promise<ModemSessionFacts> {
  await probe(engine, settings);
  await engine.run('ATE0');
  await optional(engine.run('AT+CMEE=1'));
  await unlockSim(engine, settings, clock);
  await engine.run('AT+CMGF=0');
  await optional(engine.run(`AT+CSCS="${settings.characterSet ?? 'GSM'}"`));
  if (settings.messageService !== undefined) await engine.run(`AT+CSMS=${settings.messageService}`);
  const messageService = await readMessageService(engine);
  let readStorage: string | undefined;
  if (settings.storage && settings.storage.length > 0) {
    await engine.run(`AT+CPMS=${settings.storage.map((m) => `"${m}"`).join(',')}`);
    readStorage = settings.storage[0];
  }
  await setIndications(engine, settings);
  if (settings.registrationReports !== false) await optional(engine.run('AT+CREG=2'));
  if (settings.smsc !== undefined) await engine.run(`AT+CSCA="${settings.smsc}"`);
  const smscLines = await optional(engine.run('AT+CSCA?'));
  const smsc = smscLines?.lines.map(parseSmsCenter).find((v) => v !== undefined);
  const manufacturer = (await optional(engine.run('AT+CGMI')))?.lines[0]?.replace(/^\+CGMI:\s*/i, '').trim();
  return { messageService, smsc, readStorage, manufacturer };
}

/** AT until OK, a bounded number of times. */
async function probe(engine: AtEngine, settings: ModemSessionSettings): Promise<void> {
  const attempts = settings.probeAttempts ?? 5;
  const timeoutMs = settings.probeTimeoutMs ?? 1000;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      await engine.run('AT', { timeoutMs });
      return;
    } catch (error) {
      if (!(error instanceof ModemTimeoutError) && !(error instanceof ModemCommandError)) throw error;
      lastError = error;
      // A modem left waiting for a PDU by an earlier session swallows "AT"; ESC gets it out.
      await engine.sendEscape();
    }
  }
  throw new ModemTimeoutError('AT', timeoutMs, { cause: lastError, details: { attempts, reason: 'modem does not answer AT' } });
}

async function unlockSim(engine: AtEngine, settings: ModemSessionSettings, clock: Clock): Promise<void> {
  let state = await readPinState(engine);
  if (state === 'READY') return;
  if (state === 'SIM PIN') {
    if (settings.pin === undefined) throw new ModemPinError('the SIM asks for a PIN and none was configured', { details: { simState: state } });
    try {
      await engine.run(`AT+CPIN="${settings.pin}"`, { timeoutMs: 20_000 });
    } catch (error) {
      throw withoutPin(error, state);
    }
    // Some modems need a moment after the PIN before the SIM reports READY.
    for (let attempt = 0; attempt < 10 && state !== 'READY'; attempt++) {
      if (attempt > 0) await delay(clock, 500);
      state = await readPinState(engine);
    }
    if (state === 'READY') return;
  }
  if (/PUK/.test(state)) throw new ModemSimError(`the SIM is blocked (${state}); unblock it with its PUK in a phone`, { details: { simState: state } });
  throw new ModemSimError(`the SIM is not ready (${state})`, { details: { simState: state } });
}

/**
 * The failure of `AT+CPIN="<pin>"` told without the command, whose text holds the PIN: errors
 * reach logs and host outputs, so neither the message, the details nor the cause may carry it.
 */
function withoutPin(error: unknown, simState: string): unknown {
  const command = 'AT+CPIN=<pin>';
  if (error instanceof ModemCommandError) {
    return new ModemPinError('the SIM refused the PIN; not retrying (a wrong PIN three times locks the SIM)', {
      details: { simState, command, errorCode: error.errorCode, meaning: error.meaning },
    });
  }
  if (error instanceof ModemTimeoutError) return new ModemTimeoutError(command, Number(error.details['timeoutMs']), { details: { simState } });
  if (error instanceof ModemUnavailableError) return new ModemUnavailableError(`the port closed while the PIN was being entered`, { details: { simState, command } });
  return error;
}

/** `READY`, `SIM PIN`, `SIM PUK` …; SIM-absent errors become ModemSimError. */
async function readPinState(engine: AtEngine): Promise<string> {
  try {
    const response = await engine.run('AT+CPIN?');
    const line = response.lines.find((l) => /^\+CPIN:/i.test(l));
    return line ? line.replace(/^\+CPIN:\s*/i, '').replace(/"/g, '').trim().toUpperCase() : 'READY';
  } catch (error) {
    if (error instanceof ModemCommandError && [10, 13, 15, 310, 313, 315].includes(error.errorCode ?? -1)) {
      throw new ModemSimError(`no usable SIM: ${error.meaning}`, { cause: error, details: { errorCode: error.errorCode } });
    }
    if (error instanceof ModemCommandError && (error.errorCode === 12 || error.errorCode === 316)) return 'SIM PUK';
    if (error instanceof ModemCommandError && (error.errorCode === 11 || error.errorCode === 311)) return 'SIM PIN';
    throw error;
  }
}

async function readMessageService(engine: AtEngine): Promise<number | undefined> {
  const response = await optional(engine.run('AT+CSMS?'));
  const line = response?.lines.find((l) => /^\+CSMS:/i.test(l));
  const match = line ? /^\+CSMS:\s*(\d+)/i.exec(line) : null;
  return match ? Number(match[1]) : undefined;
}

async function setIndications(engine: AtEngine, settings: ModemSessionSettings): Promise<void> {
  if (settings.cnmi !== undefined) {
    await engine.run(`AT+CNMI=${settings.cnmi}`);
    return;
  }
  const [preferred, fallback] = settings.delivery === 'direct' ? ['2,2,0,1,0', '1,2,0,1,0'] : ['2,1,0,2,0', '2,1,0,1,0'];
  try {
    await engine.run(`AT+CNMI=${preferred}`);
  } catch (error) {
    if (!(error instanceof ModemCommandError)) throw error;
    await engine.run(`AT+CNMI=${fallback}`);
  }
}

/** A command the modem may not support: an error answer becomes undefined, port loss still throws. */
async function optional<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof ModemError && error.code === 'SMSB_MODEM_COMMAND') return undefined;
    throw error;
  }
}
