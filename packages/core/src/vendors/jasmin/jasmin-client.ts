import { InvalidRequestError, SmsBridgeError } from '../../errors';
import type { AdminCommandResult, SendRequest, SendResult } from '../../model';
import { settleSend, type SendResultBase } from '../contract/settle-send';
import type { SendOptions } from '../contract/send-journal';
import type { GatewayClient, VerifyResult } from '../gateway-client';
import { planGatewayText } from '../shared/gateway-text-plan';
import type { PhoneNumberFormat } from '../shared/phone-number';
import { PhoneNumberNormaliser } from '../shared/phone-number-normaliser';
import { runJasminAdminCommand } from './jasmin-admin-commands';
import { JasminApi, type JasminApiOptions } from './jasmin-api';
import type { JasminDlrLevel, JasminDlrOptions } from './jasmin-dlr-options';
import type { JasminMessageInput } from './jasmin-message-fields';
import { canonicalJasminFields } from './jasmin-parameter-names';

export interface JasminClientOptions extends JasminApiOptions {
  /** Sender used when a request has no `from`. */
  defaultFrom?: string;
  /** Where Jasmin pushes delivery reports; used when a request asks for a status report (or does not say). */
  dlr?: JasminDlrOptions;
  /** How destinations are written (default international digits without `+`). */
  numberFormat?: PhoneNumberFormat;
  defaultCountry?: string;
  /** Batch progress callbacks used for scheduled sends. */
  batchCallbackUrl?: string;
  batchErrbackUrl?: string;
}

/** The per-send options (`SendRequest.vendorOptions`) as the send option descriptors read them. */
export interface JasminSendOptions {
  /** Binary content in hex: sent instead of the text (which must then be empty). */
  hex_content?: string;
  /** SMPP data_coding of `hex_content` (default 4, 8-bit data). */
  coding?: number;
  priority?: number;
  dlr_url?: string;
  dlr_level?: JasminDlrLevel;
  dlr_method?: 'GET' | 'POST';
  /** Jasmin's `tags` and `sdt`, passed through. */
  tags?: string;
  sdt?: string;
}

/** Refusals that concern one destination: reported on that recipient, the others still go. */
const DESTINATION_REFUSALS = new Set(['no-route', 'invalid-argument']);

/** One request of a send: a `/secure/send` to one destination, or one scheduled `/secure/sendbatch` to all. */
type JasminBatch = { kind: 'single'; to: string } | { kind: 'scheduled'; to: string[] };

function invalid(message: string): InvalidRequestError {
  return new InvalidRequestError(message, { details: { gateway: 'jasmin' } });
}

/**
 * Jasmin as a vendor-neutral {@link GatewayClient}. A send is one `/secure/send` per recipient, so
 * each recipient gets its message id at once (a `/secure/sendbatch` would give them only later,
 * through callbacks); a scheduled send is one `/secure/sendbatch` with `schedule_at`. Either way
 * the outcome is settled by the shared rule. Text outside GSM 03.38 always goes as `coding: 8` +
 * UTF-16BE `hex_content`, because Jasmin would silently replace it in `content`.
 */
export class JasminClient implements GatewayClient {
  readonly gateway = 'jasmin' as const;
  /** The raw REST API, for callers who need Jasmin's own vocabulary (batches with globals, …). */
  readonly api: JasminApi;
  /** Remembers recent destinations: a bulk send repeats them, and parsing one costs ~20 µs. */
  private readonly phoneNumbers = new PhoneNumberNormaliser();

  constructor(private readonly options: JasminClientOptions) {
    this.api = new JasminApi(options);
  }

  async send(request: SendRequest, options: SendOptions = {}): Promise<SendResult[]> {
    const destinations = request.to.map((to) => this.normalise(to));
    if (destinations.length === 0) throw invalid('Give at least one destination number');
    const { 'hex-content': hexContent, coding, priority, 'dlr-url': dlrUrl, 'dlr-level': dlrLevel, 'dlr-method': dlrMethod, ...extra } = canonicalJasminFields(
      request.vendorOptions ?? {},
    );
    const binary = typeof hexContent === 'string' && hexContent !== '';
    if (binary && request.text !== '') throw invalid('Give either a text or "hex_content" (binary content), not both: Jasmin refuses content with hex_content.');
    if (!binary && coding !== undefined) throw invalid('"coding" goes with "hex_content": a text is coded by the client itself (GSM 03.38, or UCS-2 as coding 8).');
    const plan = binary ? undefined : planGatewayText('jasmin', request.text, request.encoding ?? 'auto');
    const from = request.from ?? this.options.defaultFrom;
    const message: Omit<JasminMessageInput, 'to'> = {
      ...(binary ? { hexContent: hexContent as string, ...(coding !== undefined ? { coding: Number(coding) } : {}) } : { text: plan!.text, encoding: plan!.encoding }),
      ...(from ? { from } : {}),
      ...this.dlrFor(request, { url: dlrUrl, level: dlrLevel, method: dlrMethod }),
      ...(request.validityMinutes !== undefined ? { validityMinutes: request.validityMinutes } : {}),
      ...(priority !== undefined ? { priority: Number(priority) } : {}),
      extra,
    };
    const base: SendResultBase = {
      parts: binary ? Math.max(1, Math.ceil((hexContent as string).replace(/\s+/g, '').length / 2 / 140)) : plan!.parts,
      encoding: binary ? '8bit' : plan!.encoding,
      gateway: 'jasmin',
    };
    const batches: JasminBatch[] = request.scheduleAt ? [{ kind: 'scheduled', to: destinations }] : destinations.map((to) => ({ kind: 'single', to }));
    return settleSend({
      journal: options.journal,
      batches,
      recipientsOf: (batch) => (batch.kind === 'single' ? [batch.to] : batch.to),
      narrow: (batch, positions) => (batch.kind === 'single' ? batch : { kind: 'scheduled' as const, to: positions.map((position) => batch.to[position]!) }),
      send: (batch) => (batch.kind === 'single' ? this.sendOne(batch.to, message, base) : this.schedule(batch.to, message, request.scheduleAt!, base)),
      base,
    });
  }

  /** Jasmin's read-only commands (`balance`, `rate`, `ping`), see JASMIN_ADMIN_COMMANDS. */
  admin(command: string, args: Record<string, unknown> = {}): Promise<AdminCommandResult> {
    const read = typeof args.to === 'string' ? { ...args, to: this.normalise(args.to) } : args;
    return runJasminAdminCommand(this.api, command, read);
  }

  /** Asks for the balance: authenticated, and it changes nothing. */
  async verify(): Promise<VerifyResult> {
    try {
      const balance = await this.api.balance();
      const amount = balance.balance === undefined ? 'not limited' : String(balance.balance);
      return { status: 'verified', message: `Jasmin accepted the user "${this.api.username}" (GET /secure/balance: balance ${amount}).` };
    } catch (error) {
      if (!(error instanceof SmsBridgeError)) throw error;
      return { status: 'failed', message: error.message, error };
    }
  }

  close(): Promise<void> {
    return this.api.close();
  }

  private async sendOne(to: string, message: Omit<JasminMessageInput, 'to'>, base: SendResultBase): Promise<SendResult[]> {
    try {
      const messageId = await this.api.sendMessage({ ...message, to });
      return [{ ...base, to, accepted: true, messageId, state: 'queued' }];
    } catch (error) {
      const perDestination = error instanceof SmsBridgeError && typeof error.vendorCode === 'string' && DESTINATION_REFUSALS.has(error.vendorCode);
      if (!perDestination) throw error;
      return [{ ...base, to, accepted: false, state: 'failed', errorCode: error.vendorCode!, errorMessage: error.message, raw: { error: error.toJSON() } }];
    }
  }

  /** Ids arrive later through the batch callbacks; the batch id is in `raw`. */
  private async schedule(to: string[], message: Omit<JasminMessageInput, 'to'>, at: Date, base: SendResultBase): Promise<SendResult[]> {
    const batch = await this.api.sendBatch({
      messages: [{ ...message, to }],
      scheduleAt: at,
      ...(this.options.batchCallbackUrl ? { callbackUrl: this.options.batchCallbackUrl } : {}),
      ...(this.options.batchErrbackUrl ? { errbackUrl: this.options.batchErrbackUrl } : {}),
    });
    return to.map((recipient) => ({ ...base, to: recipient, accepted: true, state: 'queued', raw: { ...batch } }));
  }

  private normalise(to: string): string {
    return this.phoneNumbers.normalise(to, {
      format: this.options.numberFormat ?? 'e164-no-plus',
      ...(this.options.defaultCountry ? { defaultCountry: this.options.defaultCountry } : {}),
      allowShortCodes: true,
    });
  }

  /**
   * The DLR fields of a send: a report is asked for when the send says so (`statusReport` true,
   * or a per-send `dlr_url`) or leaves it unset with a report URL in the connection.
   */
  private dlrFor(request: SendRequest, perSend: { url: unknown; level: unknown; method: unknown }): Pick<JasminMessageInput, 'dlr'> {
    const given = perSend.url !== undefined || perSend.level !== undefined || perSend.method !== undefined;
    if (request.statusReport === false) {
      if (given) throw invalid('statusReport is false but dlr_url, dlr_level or dlr_method asks for a report: leave one of them out.');
      return {};
    }
    const url = typeof perSend.url === 'string' ? perSend.url : this.options.dlr?.url;
    if (!url) {
      if (request.statusReport || given) {
        throw invalid('Jasmin pushes delivery reports to a URL: set the delivery report URL of the connection (dlrUrl) or of the send (dlr_url).');
      }
      return {};
    }
    return {
      dlr: {
        ...this.options.dlr,
        url,
        ...(perSend.level !== undefined ? { level: Number(perSend.level) as JasminDlrLevel } : {}),
        ...(perSend.method !== undefined ? { method: String(perSend.method).toUpperCase() as 'GET' | 'POST' } : {}),
      },
    };
  }
}
