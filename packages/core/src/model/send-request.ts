import type { EncodingChoice } from '../codec/types';

/** A vendor-neutral send: one text to one or more recipients. */
export interface SendRequest {
  to: string[];
  text: string;
  /** Sender id / originator (alphanumeric or number), where the gateway allows one. */
  from?: string;
  /** `auto` (default) picks GSM-7 when every character fits, else UCS-2. */
  encoding?: EncodingChoice;
  /** Class 0 ("flash") message. */
  flash?: boolean;
  /** Ask the network for a delivery report. */
  statusReport?: boolean;
  /** Validity period in minutes. */
  validityMinutes?: number;
  /** Send later (absolute time). */
  scheduleAt?: Date;
  /** Per-send options of the vendor (Route Mobile `entityid`, Dinstar `ports` …), read by its descriptors. */
  vendorOptions?: Record<string, unknown>;
  /** Send without the fields this gateway cannot honour instead of refusing the send. */
  bestEffort?: boolean;
}
