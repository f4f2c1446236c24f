import type { SendRequest } from '../model/send-request';
import type { SendResult } from '../model/send-result';

/** Recipients one merged send carries at most; the client still splits it by the vendor's own limits. */
export const DEFAULT_BATCH_RECIPIENTS = 100;

/** A recipient written as a phone number (digits, an optional +, the usual separators). */
const PHONE_NUMBER = /^\s*\+?[\d\s\-().]+$/;

/** What a send is apart from its recipients; requests with the same key can go out as one. */
const keys = new WeakMap<SendRequest, string | null>();

function mergeKeyOf(request: SendRequest): string | null {
  let key = keys.get(request);
  if (key === undefined) {
    const { to: _to, ...rest } = request;
    // A list of lists in the vendor options holds a value per recipient (Dinstar `textParams`):
    // merged with another request's recipients it would no longer line up. A recipient that is a
    // name (a Diafaan contact or group) may answer with one result per member.
    const perRecipient = Object.values(request.vendorOptions ?? {}).some((value) => Array.isArray(value) && value.some(Array.isArray));
    const named = request.to.some((to) => !PHONE_NUMBER.test(to));
    key = perRecipient || named ? null : JSON.stringify(rest);
    keys.set(request, key);
  }
  return key;
}

/**
 * Sends of several callers (n8n items, Node-RED msgs) that share everything but their recipients,
 * merged into one request so the client can use the vendor's batch form (Route Mobile
 * multi-destination, Dinstar `param[]`). A recipient appears once per
 * batch, so each caller gets back exactly the results of its own recipients.
 */
export class SendBatch<Owner> {
  readonly request: SendRequest;
  /** The caller of each recipient in `request.to`, position by position. */
  private readonly owners: Owner[] = [];
  private readonly recipients = new Set<string>();
  private readonly key: string | null;

  constructor(
    owner: Owner,
    first: SendRequest,
    private readonly maxRecipients = DEFAULT_BATCH_RECIPIENTS,
  ) {
    this.key = mergeKeyOf(first);
    this.request = { ...first, to: [] };
    this.add(owner, first);
  }

  get callers(): Owner[] {
    return [...new Set(this.owners)];
  }

  /** The caller of the recipient at `position` in `request.to`. */
  ownerAt(position: number): Owner | undefined {
    return this.owners[position];
  }

  /** Adds `request` when it differs only in recipients, none already in the batch, and they fit. */
  tryAdd(owner: Owner, request: SendRequest): boolean {
    if (this.key === null || mergeKeyOf(request) !== this.key) return false;
    if (this.recipients.size + request.to.length > this.maxRecipients) return false;
    if (request.to.some((number) => this.recipients.has(number))) return false;
    this.add(owner, request);
    return true;
  }

  /**
   * The results of one send of `request`, handed back to their callers in the order each gave its
   * recipients. The clients answer one result per recipient, in order; should a count ever differ,
   * results are matched by their `to`, and what matches no recipient goes to the first caller
   * rather than being dropped (the messages may have gone out).
   */
  split(results: readonly SendResult[]): Map<Owner, SendResult[]> {
    const byOwner = new Map<Owner, SendResult[]>();
    const give = (owner: Owner, result: SendResult): void => {
      const list = byOwner.get(owner);
      if (list) list.push(result);
      else byOwner.set(owner, [result]);
    };
    if (results.length === this.owners.length) {
      results.forEach((result, index) => give(this.owners[index]!, result));
      return byOwner;
    }
    const ownerOf = new Map<string, Owner>();
    this.request.to.forEach((to, index) => {
      ownerOf.set(to, this.owners[index]!);
      ownerOf.set(to.replace(/\D/g, ''), this.owners[index]!);
    });
    for (const result of results) give(ownerOf.get(result.to) ?? ownerOf.get(result.to.replace(/\D/g, '')) ?? this.owners[0]!, result);
    return byOwner;
  }

  private add(owner: Owner, request: SendRequest): void {
    for (const number of request.to) {
      this.request.to.push(number);
      this.recipients.add(number);
      this.owners.push(owner);
    }
  }
}

/** Consecutive requests merged where `SendBatch` allows, keeping their order. */
export function batchSends<Owner>(items: readonly { owner: Owner; request: SendRequest }[], maxRecipients = DEFAULT_BATCH_RECIPIENTS): SendBatch<Owner>[] {
  const batches: SendBatch<Owner>[] = [];
  for (const { owner, request } of items) {
    const last = batches[batches.length - 1];
    if (!last?.tryAdd(owner, request)) batches.push(new SendBatch(owner, request, maxRecipients));
  }
  return batches;
}
