import { xmlReply, type SimulatorReply } from '../../../simulator/simulator-request';
import type { SimulatedMessage } from '../../../simulator/simulated-network';
import type { DiafaanSimulatorState } from './diafaan-simulator-state';
import { escapeXml } from './diafaan-simulator-replies';

/** `request-server-status`: the documented `<Gateway …>` attributes and `<MessagesInSendQueue>`; the rest of the layout is inferred [I]. */
export function handleRequestServerStatus(server: DiafaanSimulatorState): SimulatorReply {
  const queued = server.network.queuedCount();
  const gateways = [...server.gateways.values()].map((gateway) => {
    const mine = [...server.network.messages.values()].filter((message) => message.channel === gateway.name);
    const count = (predicate: (message: SimulatedMessage) => boolean) => mine.filter(predicate).length;
    return [
      `    <Gateway Name="${escapeXml(gateway.name)}" Id="${gateway.id}" Active="${gateway.active ? 1 : 0}" Available="${gateway.active ? 1 : 0}" SendEnabled="${gateway.sendEnabled ? 1 : 0}" ReceiveEnabled="${gateway.receiveEnabled ? 1 : 0}">`,
      `      <MessagesInSendQueue>${count((message) => message.state === 'queued')}</MessagesInSendQueue>`,
      `      <MessagesSent>${count((message) => message.sentAt !== undefined)}</MessagesSent>`,
      `      <MessagesFailed>${count((message) => message.state === 'failed' || message.state === 'expired')}</MessagesFailed>`,
      `      <MessagesReceived>${server.network.inbox.filter((message) => message.channel === gateway.name).length}</MessagesReceived>`,
      '    </Gateway>',
    ].join('\r\n');
  });
  const connectors = [...server.connectors.values()].map(
    (connector) => `    <Connector Name="${escapeXml(connector.name)}" Id="${connector.id}" Active="${connector.active ? 1 : 0}" />`,
  );
  return xmlReply(
    [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<ServerStatus>',
      '  <Version>4.3.0.0</Version>',
      `  <MessagesInSendQueue>${queued}</MessagesInSendQueue>`,
      '  <Gateways>',
      ...gateways,
      '  </Gateways>',
      '  <Connectors>',
      ...connectors,
      '  </Connectors>',
      '</ServerStatus>',
      '',
    ].join('\r\n'),
  );
}
