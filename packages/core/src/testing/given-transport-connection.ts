import { UndiciHttpTransport } from '../transport/undici-http-transport';
import type { GatewayKey } from '../vendors/gateway-client';
import type { ConnectContext } from '../vendors/vendor-entry';

/**
 * A transport the test hands to a client (`ConnectContext.transport`), and whether it still
 * sends after the client closed: any answer to `probePath`, even an error status, proves it.
 */
export function givenTransportConnection(baseUrl: string, gateway: GatewayKey, probePath: string): { context: ConnectContext; stillOpen(): Promise<boolean>; release(): Promise<void> } {
  const transport = new UndiciHttpTransport({ baseUrl, gateway });
  return {
    context: { transport },
    stillOpen: async () => {
      try {
        await transport.request({ method: 'GET', path: probePath, idempotent: true });
        return true;
      } catch {
        return false;
      }
    },
    release: () => transport.close(),
  };
}
