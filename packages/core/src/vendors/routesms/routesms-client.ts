import { systemClock, type Clock } from '../../clock/clock';
import { InvalidRequestError } from '../../errors';
import type { SendRequest, SendResult } from '../../model';
import type { HttpRequest } from '../../transport/http-transport';
import { checkUrlLength } from '../contract/check-send-request';
import { settleSend, type SendResultBase } from '../contract/settle-send';
import type { SendOptions } from '../contract/send-journal';
import type { GatewayClient, VerifyResult } from '../gateway-client';
import { planGatewayText } from '../shared/gateway-text-plan';
import type { PhoneNumberFormat } from '../shared/phone-number';
import { PhoneNumberNormaliser } from '../shared/phone-number-normaliser';
import { RoutesmsApi, type RoutesmsApiOptions } from './routesms-api';
import { describeRoutesmsCode, ROUTESMS_SUCCESS_CODE } from './routesms-error-table';
import { isRoutesmsUnicodeType, parseRoutesmsMessageType, RoutesmsMessageType } from './routesms-message-type';
import { formatRoutesmsSchedule } from './routesms-schedule';
import { ROUTESMS_MAX_URL_LENGTH, routesmsTypeForInput, type RoutesmsSubmitInput } from './routesms-submit-request';
import type { RoutesmsSubmitEntry } from './routesms-submit-response';

export interface RoutesmsClientOptions extends RoutesmsApiOptions {
  /** Sender used when a request has no `from`. */
  defaultSource?: string;
  /** IANA zone the scheduler's date/time are written in (default UTC). */
  timeZone?: string;
  /** How destinations are written (default international digits without `+`). */
  numberFormat?: PhoneNumberFormat;
  /** Country for numbers written nationally. */
  defaultCountry?: string;
  /** Ask for a delivery report on sends that leave `statusReport` unset (default false: only `statusReport: true` asks). */
  deliveryReports?: boolean;
  /** Destinations per request at most (default 100); fewer when the URL would grow past `maxUrlLength`. */
  maxDestinationsPerRequest?: number;
  /** Longest request target (default {@link ROUTESMS_MAX_URL_LENGTH}). */
  maxUrlLength?: number;
}

/** The per-send options (`SendRequest.vendorOptions`) as the send option descriptors read them. */
export interface RoutesmsSendOptions {
  /** An explicit message type (0, 1, 2, 4, 5, 6, 7) instead of the automatic choice. */
  type?: string | number;
  /** India DLT: principal entity id, content template id, telemarketer chain. */
  entityid?: string;
  tempid?: string;
  tmid?: string;
  /** The link of a WAP push (type 4). */
  url?: string;
  /** Further query parameters the account's provider documents, passed through as given. */
  extraParameters?: Record<string, unknown>;
}

/** One request of a send: the destinations it carries and the GET that carries them. */
interface RoutesmsBatch {
  destinations: string[];
  request: HttpRequest;
}

function digits(value: string | undefined): string {
  return (value ?? '').replace(/\D/g, '');
}

/** Whether the gateway's spelling of a number is the one we sent (it may add or drop `+`, `00`, a country code). */
function sameNumber(sent: string, answered: string | undefined): boolean {
  const a = digits(sent);
  const b = digits(answered);
  if (!a || !b) return false;
  return a === b || a.endsWith(b) || b.endsWith(a);
}

function resultEncoding(type: number): SendResult['encoding'] {
  if (isRoutesmsUnicodeType(type)) return 'ucs2';
  return type === RoutesmsMessageType.plainGsm || type === RoutesmsMessageType.flashGsm ? 'gsm7' : '8bit';
}

/**
 * Route Mobile as a vendor-neutral {@link GatewayClient}: a send becomes comma-separated
 * multi-destination submits (the API's batch form), each answered per destination, settled by the
 * shared outcome rule. The API has no read-only call, so `verify()` cannot prove the settings.
 */
export class RoutesmsClient implements GatewayClient {
  readonly gateway = 'routesms' as const;
  /** The raw API, for callers who need Route Mobile's own vocabulary. */
  readonly api: RoutesmsApi;
  /** Remembers recent destinations: a bulk send repeats them, and parsing one costs ~20 µs. */
  private readonly phoneNumbers = new PhoneNumberNormaliser();
  private readonly clock: Clock;

  constructor(private readonly options: RoutesmsClientOptions) {
    if (!options.username) {
      throw new InvalidRequestError('Route Mobile needs the username of the HTTP account', { details: { gateway: 'routesms' } });
    }
    this.clock = options.clock ?? systemClock;
    this.api = new RoutesmsApi({ ...options, clock: this.clock });
  }

  /**
   * Sends (or, with `scheduleAt`, schedules) one text to every destination. A delivery report is
   * asked for only when `statusReport` is true (or unset with the `deliveryReports` setting on).
   */
  async send(request: SendRequest, options: SendOptions = {}): Promise<SendResult[]> {
    const { type: explicitType, extraParameters, ...named } = (request.vendorOptions ?? {}) as RoutesmsSendOptions;
    if (extraParameters !== undefined && (typeof extraParameters !== 'object' || extraParameters === null || Array.isArray(extraParameters))) {
      throw new InvalidRequestError('The Route Mobile send option "extraParameters" takes a JSON object of parameter names to texts or numbers.', {
        details: { gateway: 'routesms', option: 'extraParameters' },
      });
    }
    const destinations = request.to.map((to) =>
      this.phoneNumbers.normalise(to, {
        format: this.options.numberFormat ?? 'e164-no-plus',
        ...(this.options.defaultCountry ? { defaultCountry: this.options.defaultCountry } : {}),
        allowShortCodes: true,
      }),
    );
    if (destinations.length === 0) throw new InvalidRequestError('Give at least one destination number', { details: { gateway: 'routesms' } });
    const source = request.from ?? this.options.defaultSource;
    if (!source) {
      throw new InvalidRequestError('Route Mobile needs a sender: set "from" or the default sender of the connection', { details: { gateway: 'routesms' } });
    }
    const forcedType = explicitType === undefined ? undefined : parseRoutesmsMessageType(explicitType);
    // An explicit type fixes the alphabet: Unicode types need UCS-2, GSM types GSM-7 (transliterated).
    const choice =
      forcedType === undefined ? (request.encoding ?? 'auto')
      : isRoutesmsUnicodeType(forcedType) ? 'ucs2'
      : forcedType === RoutesmsMessageType.plainGsm || forcedType === RoutesmsMessageType.flashGsm ? 'gsm7'
      : (request.encoding ?? 'auto');
    const plan = planGatewayText('routesms', request.text, choice);
    const typeInput = { type: forcedType, encoding: plan.encoding, flash: request.flash ?? false };
    const type = routesmsTypeForInput(typeInput);
    if (request.scheduleAt && !(request.scheduleAt.getTime() > this.clock.now())) {
      throw new InvalidRequestError('The schedule time is not in the future: choose a later time, or send now', { details: { gateway: 'routesms' } });
    }
    const schedule = request.scheduleAt ? formatRoutesmsSchedule(request.scheduleAt, this.options.timeZone ?? 'UTC') : undefined;
    const submit: Omit<RoutesmsSubmitInput, 'destinations'> = {
      text: plan.text,
      source,
      ...typeInput,
      dlr: request.statusReport ?? this.options.deliveryReports ?? false,
      ...(schedule ? { schedule } : {}),
      extra: { ...extraParameters, ...named },
    };
    const base: SendResultBase = { parts: plan.parts, encoding: resultEncoding(type), gateway: 'routesms' };
    return settleSend({
      journal: options.journal,
      batches: this.batches(destinations, submit),
      recipientsOf: (batch) => batch.destinations,
      narrow: (batch, positions) => this.batches(positions.map((position) => batch.destinations[position]!), submit)[0]!,
      send: async (batch) => this.results(batch.destinations, await this.api.submit(batch.request), type, base),
      base,
    });
  }

  /** Route Mobile documents no call that reads without sending, so the settings are proved by the first send. */
  async verify(): Promise<VerifyResult> {
    return {
      status: 'unverifiable',
      message:
        'The Route Mobile SMSPLUS bulk HTTP API (v1.0.1) has only the submit and scheduler calls, and each of them sends an SMS: ' +
        'the settings are proved by the first send (code 1703 means a wrong username or password).',
    };
  }

  close(): Promise<void> {
    return this.api.close();
  }

  /**
   * Destinations packed into comma-separated submits: at most `maxDestinationsPerRequest` each and
   * never a request target longer than the limit. A text too long for even one destination is
   * refused before anything is sent.
   */
  private batches(destinations: string[], submit: Omit<RoutesmsSubmitInput, 'destinations'>): RoutesmsBatch[] {
    const perRequest = Math.max(1, this.options.maxDestinationsPerRequest ?? 100);
    const maxLength = this.options.maxUrlLength ?? ROUTESMS_MAX_URL_LENGTH;
    const build = (chunk: string[]) => this.api.submitRequest({ ...submit, destinations: chunk });
    const chunks: { destinations: string[]; length: number }[] = [];
    let current: { destinations: string[]; length: number } | undefined;
    for (const destination of destinations) {
      // Each further destination adds an encoded comma (%2C) and its own encoded digits.
      const grown = current ? current.length + 3 + encodeURIComponent(destination).length : Infinity;
      if (current && current.destinations.length < perRequest && grown <= maxLength) {
        current.destinations.push(destination);
        current.length = grown;
        continue;
      }
      const length = this.api.targetLength(build([destination]));
      checkUrlLength({ gateway: 'routesms', displayName: 'Route Mobile' }, length, maxLength);
      current = { destinations: [destination], length };
      chunks.push(current);
    }
    return chunks.map((chunk) => ({ destinations: chunk.destinations, request: build(chunk.destinations) }));
  }

  private results(sent: string[], entries: RoutesmsSubmitEntry[], type: number, base: SendResultBase): SendResult[] {
    const unused = [...entries];
    return sent.map((to, index) => {
      let at = unused.findIndex((entry) => sameNumber(to, entry.destination));
      // Without a matching number, fall back on position (answers list destinations in order).
      if (at < 0 && entries.length === sent.length && unused.includes(entries[index]!)) at = unused.indexOf(entries[index]!);
      if (at < 0 && unused.length > 0 && unused.every((entry) => !entry.destination)) at = 0;
      const entry = at < 0 ? undefined : unused.splice(at, 1)[0];
      return this.result({ ...base, to }, entry, type);
    });
  }

  private result(base: SendResultBase & { to: string }, entry: RoutesmsSubmitEntry | undefined, type: number): SendResult {
    if (entry?.code === ROUTESMS_SUCCESS_CODE) {
      return { ...base, accepted: true, messageId: entry.messageId!, state: 'queued', raw: { code: entry.code, destination: entry.destination, type } };
    }
    if (entry) {
      const described = describeRoutesmsCode(entry.code);
      return {
        ...base,
        accepted: false,
        state: 'failed',
        errorCode: entry.code,
        errorMessage: `${described.meaning}: ${described.advice}`,
        raw: { code: entry.code, destination: entry.destination, type },
      };
    }
    return {
      ...base,
      accepted: false,
      state: 'unknown',
      errorMessage: 'Route Mobile did not report on this destination: check its delivery reports before sending again',
      raw: { type },
    };
  }
}
