import { ModemHub, systemPortLister } from '@smsbridge/core';
import { gatewayValues, modemValues } from './config-values';
import { GatewayConnection } from './gateway-connection';
import type { HttpRequest, HttpResponse, NodeRedRuntime } from './node-red-api';
import { vendorCatalog } from './vendor-catalog';

/** The editor shows a stored password as this placeholder; the stored one is meant. */
const STORED_SECRET = '__PWRD__';
const registered = new WeakSet<object>();

/** A deployed config node that holds a connection. */
interface ConnectionHolder {
  connection?: GatewayConnection;
}

/**
 * The admin endpoints the editor's dialogs use, registered once per runtime and each behind
 * Node-RED's permission check: the vendors' descriptors, the serial ports present, and the Test
 * connection button (verify with the values in the open dialog).
 */
export function registerEditorEndpoints(RED: NodeRedRuntime): void {
  if (registered.has(RED)) return;
  registered.add(RED);

  RED.httpAdmin.get('/smsbridge/vendors', RED.auth.needsPermission('smsbridge-gateway.read'), (_req, res) => {
    res.json(vendorCatalog());
  });

  RED.httpAdmin.get('/smsbridge/serial-ports', RED.auth.needsPermission('smsbridge-modem.read'), (_req, res) => {
    systemPortLister()
      .then((ports) => res.json(ports))
      .catch((error: unknown) => res.status(500).json({ error: error instanceof Error ? error.message : String(error) }));
  });

  RED.httpAdmin.post('/smsbridge/verify', RED.auth.needsPermission('smsbridge-gateway.write'), (req, res) => {
    verify(RED, req, res).catch((error: unknown) => res.status(200).json({ status: 'failed', message: error instanceof Error ? error.message : String(error) }));
  });
}

async function verify(RED: NodeRedRuntime, req: HttpRequest, res: HttpResponse): Promise<void> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const id = typeof body['id'] === 'string' ? body['id'] : '';
  const deployed = RED.nodes.getNode(id) as ConnectionHolder | null;
  // A dialog that changed nothing tests the running connection (a modem port can have one owner).
  if (body['unchanged'] === true && deployed?.connection) {
    const result = await deployed.connection.check();
    res.json({ status: result.status, message: result.message });
    return;
  }
  const stored = RED.nodes.getCredentials(id) ?? {};
  const given = (body['credentials'] ?? {}) as Record<string, string | undefined>;
  const secret = (name: string): string | undefined => (given[name] === STORED_SECRET ? stored[name] : given[name]);
  let connection: GatewayConnection;
  if (body['type'] === 'smsbridge-modem') {
    const hub = new ModemHub();
    connection = new GatewayConnection('modem', modemValues(body, { pin: secret('pin') }), { context: { modemHub: hub }, onClosed: () => hub.close() });
  } else {
    connection = new GatewayConnection(String(body['gateway'] ?? ''), gatewayValues(body, { username: secret('username'), password: secret('password'), secretSettings: secret('secretSettings') }));
  }
  try {
    const result = await connection.check();
    res.json({ status: result.status, message: result.message });
  } finally {
    await connection.close();
  }
}
