import { InvalidRequestError } from '../../errors/gateway-errors';
import type { AdminCommandResult, SendRequest, SendResult } from '../../model';
import type { GatewayClient } from '../gateway-client';
import type { VendorEntry } from '../vendor-entry';
import { checkSendRequest, type SendCheckOwner } from './check-send-request';
import { readFields } from './read-fields';
import type { SendOptions } from './send-journal';

/**
 * The vendor's client behind the contract's checks, the same for every vendor: a send passes
 * {@link checkSendRequest} before any request leaves; an admin command must be one the entry
 * describes and its arguments are read by their descriptors. Every other operation goes straight
 * through; operations the vendor lacks stay absent.
 */
export function contractClient(entry: VendorEntry, client: GatewayClient): GatewayClient {
  const owner = sendCheckOwner(entry);
  const guarded: GatewayClient = {
    gateway: client.gateway,
    send: (request: SendRequest, options?: SendOptions): Promise<SendResult[]> => {
      try {
        return client.send(checkSendRequest(owner, request), options);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    verify: () => client.verify(),
    close: () => client.close(),
  };
  if (client.status) guarded.status = client.status.bind(client);
  if (client.inbox) guarded.inbox = client.inbox.bind(client);
  if (client.acknowledge) guarded.acknowledge = client.acknowledge.bind(client);
  if (client.ussd) guarded.ussd = client.ussd.bind(client);
  if (client.ussdContinue) guarded.ussdContinue = client.ussdContinue.bind(client);
  if (client.ussdCancel) guarded.ussdCancel = client.ussdCancel.bind(client);
  if (client.subscribe) guarded.subscribe = client.subscribe.bind(client);
  const admin = client.admin?.bind(client);
  if (admin) {
    guarded.admin = async (command: string, args: Record<string, unknown> = {}): Promise<AdminCommandResult> => {
      const descriptor = entry.adminCommands.find((candidate) => candidate.name === command);
      if (!descriptor) {
        throw new InvalidRequestError(`"${command}" is not a ${entry.describe.displayName} command: use ${entry.adminCommands.map((candidate) => candidate.name).join(', ')}.`, {
          details: { gateway: entry.key, command },
        });
      }
      const read = readFields({ gateway: entry.key, label: `The ${entry.describe.displayName} command "${command}" argument` }, descriptor.args, args);
      return admin(command, read);
    };
  }
  return guarded;
}

/** How the send check sees a vendor entry. */
export function sendCheckOwner(entry: VendorEntry): SendCheckOwner {
  return {
    gateway: entry.key,
    displayName: entry.describe.displayName,
    capabilities: entry.capabilities,
    sendOptions: entry.sendOptions,
    acceptsNamedRecipients: entry.capabilities.namedRecipients ?? false,
  };
}
