import { systemClock, type Clock } from '../../clock/clock';
import { InvalidRequestError, SmsBridgeError } from '../../errors';
import type { SendRequest, SendResult } from '../../model';
import type { HttpResponse, HttpTransport } from '../../transport/http-transport';
import type { GatewayClient } from '../gateway-client';
import { failedSendFields } from '../shared/failed-send-result';
import { planGatewayText } from '../shared/gateway-text-plan';
import { givenConnectionOptions, type ConnectionOptions } from '../shared/given-connection-options';
import { expectHttpOk } from '../shared/http-status-check';
import { httpTransportFor } from '../shared/http-transport-for';
import type { PhoneNumberFormat } from '../shared/phone-number';
import { PhoneNumberNormaliser } from '../shared/phone-number-normaliser';
import { sendRetryPolicyFor, type SendRetryPolicy, type SendRetryPolicyOptions } from '../shared/send-retry-policy';
import { describeRoutesmsCode, ROUTESMS_SUCCESS_CODE } from './routesms-error-table';
import { isRoutesmsUnicodeType, parseRoutesmsMessageType, RoutesmsMessageType } from './routesms-message-type';
import { formatRoutesmsSchedule } from './routesms-schedule';
import { buildRoutesmsSubmitRequest, routesmsTypeForInput } from './routesms-submit-request';
import { parseRoutesmsSubmitResponse, routesmsRequestFailure, type RoutesmsSubmitEntry } from './routesms-submit-response';

/** An injected `transport` (tests, proxies) is not owned: `close()` leaves it open. */
export interface RoutesmsClientOptions extends ConnectionOptions {
  /** `http://host:8080` or `https://host:8443` (the bulk HTTP API's usual ports). */
  baseUrl: string;
  username: string;
  password: string;
  /** Sender used when a request has no `from`. */
  defaultSource?: string;
  /** IANA zone the scheduler's date/time are written in (default UTC). */
  timeZone?: string;
  /** How destinations are written (default international digits without `+`). */
  numberFormat?: PhoneNumberFormat;
  /** Country for numbers written nationally. */
  defaultCountry?: string;
  /** Ask for delivery reports when a request does not say (default true). */
  deliveryReports?: boolean;
  /** Destinations per HTTP request; larger sends are split (default 100, the URL stays short). */
  maxDestinationsPerRequest?: number;
  /** Retries only what provably did not reach the gateway, and 1709; `false` turns retries off. */
  retry?: SendRetryPolicyOptions | false;
}

/** What a submit gave for one destination, before it becomes a `SendResult`. */
interface DestinationOutcome {
  to: string;
  entry?: RoutesmsSubmitEntry;
  error?: SmsBridgeError;
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

/**
 * Client of the Route Mobile SMSPLUS bulk HTTP API (seed 001). Sends and schedules messages; the
 * answer is read per destination, and request-wide refusals (credentials, credit, URL) throw the
 * matching gateway error. The password travels in the query string, so it is scrubbed from every
 * error this client or its transport raises.
 */
export class RoutesmsClient implements GatewayClient {
  readonly gateway = 'routesms' as const;
  /** Remembers recent destinations: a bulk send repeats them, and parsing one costs ~20 µs. */
  private readonly phoneNumbers = new PhoneNumberNormaliser();
  private readonly transport: HttpTransport;
  private readonly ownsTransport: boolean;
  private readonly retry: SendRetryPolicy | undefined;
  private readonly secrets: string[];
  private readonly clock: Clock;

  constructor(private readonly options: RoutesmsClientOptions) {
    if (!options.username) {
      throw new InvalidRequestError('Route Mobile needs the username of the HTTP account', { details: { gateway: 'routesms' } });
    }
    this.secrets = options.password ? [options.password] : [];
    this.clock = options.clock ?? systemClock;
    this.ownsTransport = !options.transport;
    this.transport = httpTransportFor({ baseUrl: options.baseUrl, ...givenConnectionOptions(options), clock: this.clock }, 'routesms', this.secrets);
    this.retry = sendRetryPolicyFor(options.retry, this.clock);
  }

  /**
   * Sends (or, with `scheduleAt`, schedules) one text to every destination. `vendorOptions.type`
   * forces a message type; any other vendor option (`entityid`, `tempid`, `tmid`, `url` …) is
   * passed through as a query parameter.
   */
  async send(request: SendRequest): Promise<SendResult[]> {
    const { type: explicitType, ...extra } = request.vendorOptions ?? {};
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
      throw new InvalidRequestError('Route Mobile needs a sender: set "from" or the default sender of the credential', { details: { gateway: 'routesms' } });
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

    const chunkSize = Math.max(1, this.options.maxDestinationsPerRequest ?? 100);
    const outcomes: DestinationOutcome[] = [];
    for (let start = 0; start < destinations.length; start += chunkSize) {
      const chunk = destinations.slice(start, start + chunkSize);
      const httpRequest = buildRoutesmsSubmitRequest(
        { username: this.options.username, password: this.options.password },
        {
          destinations: chunk,
          text: plan.text,
          source,
          ...typeInput,
          dlr: request.statusReport ?? this.options.deliveryReports ?? true,
          ...(schedule ? { schedule } : {}),
          extra,
        },
      );
      try {
        const entries = await this.exchange(() => this.transport.request(httpRequest));
        outcomes.push(...this.matchEntries(chunk, entries));
      } catch (error) {
        // A refusal after earlier chunks went out must not hide what was already accepted.
        if (start === 0 || !(error instanceof SmsBridgeError)) throw error;
        for (const to of chunk) outcomes.push({ to, error });
      }
    }
    return outcomes.map((outcome) => this.toResult(outcome, type, plan.parts));
  }

  async close(): Promise<void> {
    if (this.ownsTransport) await this.transport.close();
  }

  /** One HTTP exchange, read and judged; retried only where the policy and the seed allow. */
  private async exchange(run: () => Promise<HttpResponse>): Promise<RoutesmsSubmitEntry[]> {
    const attempt = async (): Promise<RoutesmsSubmitEntry[]> => {
      const response = await run();
      const entries = this.tryParse(response) ?? parseRoutesmsSubmitResponse(expectHttpOk(response, { gateway: 'routesms', secrets: this.secrets }).body);
      const failure = routesmsRequestFailure(entries, response.status);
      if (failure) throw failure;
      return entries;
    };
    return this.retry ? this.retry.run(attempt) : attempt();
  }

  /** A code line is believed whatever the HTTP status; anything else goes through the status check first. */
  private tryParse(response: HttpResponse): RoutesmsSubmitEntry[] | undefined {
    try {
      return parseRoutesmsSubmitResponse(response.body);
    } catch (error) {
      if (response.status >= 200 && response.status < 300) throw error;
      return undefined;
    }
  }

  private matchEntries(sent: string[], entries: RoutesmsSubmitEntry[]): DestinationOutcome[] {
    const unused = [...entries];
    return sent.map((to, index) => {
      let at = unused.findIndex((entry) => sameNumber(to, entry.destination));
      // Without a matching number, fall back on position (answers list destinations in order).
      if (at < 0 && entries.length === sent.length && unused.includes(entries[index]!)) at = unused.indexOf(entries[index]!);
      if (at < 0 && unused.length > 0 && unused.every((entry) => !entry.destination)) at = 0;
      if (at < 0) return { to };
      const [entry] = unused.splice(at, 1);
      return { to, entry };
    });
  }

  private toResult(outcome: DestinationOutcome, type: number, parts: number): SendResult {
    const encoding: SendResult['encoding'] = isRoutesmsUnicodeType(type)
      ? 'ucs2'
      : type === RoutesmsMessageType.plainGsm || type === RoutesmsMessageType.flashGsm
        ? 'gsm7'
        : '8bit';
    const base = { to: outcome.to, parts, encoding, gateway: 'routesms' };
    const { entry, error } = outcome;
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
    if (error) return { ...base, ...failedSendFields(error), raw: { type } };
    return {
      ...base,
      accepted: false,
      state: 'unknown',
      errorMessage: 'Route Mobile did not report on this destination: check its delivery reports before sending again',
      raw: { type },
    };
  }
}
