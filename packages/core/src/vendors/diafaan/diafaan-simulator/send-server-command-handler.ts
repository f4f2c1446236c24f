import { requestParameter, xmlReply, type SimulatorReply, type SimulatorRequest } from '../../../simulator/simulator-request';
import { DIAFAAN_SERVER_COMMANDS, isDiafaanServerCommand, type DiafaanServerCommand } from '../diafaan-server-commands';
import type { DiafaanSimulatorState, SimulatedDiafaanConnector, SimulatedDiafaanGateway } from './diafaan-simulator-state';
import { errorLine, escapeXml, lines, splitList } from './diafaan-simulator-replies';

/** `send-server-command`: administrators only and only when enabled (else 307); unknown targets → 306. */
export function handleSendServerCommand(request: SimulatorRequest, user: string, server: DiafaanSimulatorState): SimulatorReply {
  if (!server.serverCommandsEnabled || !server.administrators.has(user)) return errorLine(307);
  const command = requestParameter(request, 'command') ?? '';
  if (!isDiafaanServerCommand(command)) return errorLine(306);
  const spec = DIAFAAN_SERVER_COMMANDS[command];
  const property = requestParameter(request, 'property');
  const value = requestParameter(request, 'value');
  if (spec.setsProperty && (!property || value === undefined)) return errorLine(306);
  const gatewayNames = splitList(requestParameter(request, 'gateway'));
  const connectorNames = splitList(requestParameter(request, 'connector'));
  const gateways = gatewayNames.length ? gatewayNames.map((name) => server.gateways.get(name)) : [...server.gateways.values()];
  const connectors = connectorNames.length ? connectorNames.map((name) => server.connectors.get(name)) : [...server.connectors.values()];
  if (gateways.some((gateway) => !gateway) || connectors.some((connector) => !connector)) return errorLine(306);
  return runServerCommand(server, command, gateways as SimulatedDiafaanGateway[], connectors as SimulatedDiafaanConnector[], property, value);
}

function runServerCommand(
  server: DiafaanSimulatorState,
  command: DiafaanServerCommand,
  gateways: SimulatedDiafaanGateway[],
  connectors: SimulatedDiafaanConnector[],
  property?: string,
  value?: string,
): SimulatorReply {
  const names = (items: { name: string }[]) => items.map((item) => item.name).join(';');
  switch (command) {
    case 'start-gateway':
    case 'restart-gateway':
      gateways.forEach((gateway) => {
        gateway.active = true;
        server.applyGatewayState(gateway);
      });
      return lines(`OK: ${command === 'start-gateway' ? 'Started' : 'Restarted'} ${names(gateways)}`);
    case 'stop-gateway':
      gateways.forEach((gateway) => {
        gateway.active = false;
        server.applyGatewayState(gateway);
      });
      return lines(`OK: Stopped ${names(gateways)}`);
    case 'pause-sending':
    case 'resume-sending':
      gateways.forEach((gateway) => {
        gateway.sendEnabled = command === 'resume-sending';
        server.applyGatewayState(gateway);
      });
      return lines(`OK: Sending ${command === 'pause-sending' ? 'paused' : 'resumed'} for ${names(gateways)}`);
    case 'reset-send-limit':
      return lines(`OK: Send limit reset for ${names(gateways)}`);
    case 'start-connector':
    case 'stop-connector':
    case 'restart-connector':
      connectors.forEach((connector) => {
        connector.active = command !== 'stop-connector';
      });
      return lines(`OK: ${command === 'stop-connector' ? 'Stopped' : command === 'start-connector' ? 'Started' : 'Restarted'} ${names(connectors)}`);
    case 'get-server-configuration':
      return xmlReply(configurationXml(server));
    case 'get-server-settings':
      return xmlReply(
        ['<?xml version="1.0" encoding="utf-8"?>', '<ServerSettings>', ...Object.entries(server.settings).map(([name, setting]) => `  <${name}>${escapeXml(setting)}</${name}>`), '</ServerSettings>', ''].join('\r\n'),
      );
    case 'set-gateway-property':
      gateways.forEach((gateway) => {
        gateway.properties[property!] = value!;
        if (property === 'Enabled') gateway.active = value === '1' || value?.toLowerCase() === 'true';
        server.applyGatewayState(gateway);
      });
      return lines(`OK: ${property} set for ${names(gateways)}`);
    case 'set-connector-property':
      connectors.forEach((connector) => {
        connector.properties[property!] = value!;
      });
      return lines(`OK: ${property} set for ${names(connectors)}`);
    case 'set-routing-property':
      for (const connector of connectors) {
        for (const gateway of gateways) {
          const key = `${connector.name}|${gateway.name}`;
          server.routing.set(key, { ...server.routing.get(key), [property!]: value! });
        }
      }
      return lines(`OK: Routing ${property} set`);
    case 'set-settings-property':
      server.settings[property!] = value!;
      return lines(`OK: ${property} set`);
  }
}

/** The get-server-configuration XML (layout inferred [I]): every gateway and connector with its properties. */
function configurationXml(server: DiafaanSimulatorState): string {
  const gateways = [...server.gateways.values()].map((gateway) =>
    [
      `    <Gateway Name="${escapeXml(gateway.name)}" Id="${gateway.id}" Type="GSMModemGateway">`,
      ...Object.entries(gateway.properties).map(([name, value]) => `      <${name}>${escapeXml(value)}</${name}>`),
      '    </Gateway>',
    ].join('\r\n'),
  );
  const connectors = [...server.connectors.values()].map((connector) =>
    [
      `    <Connector Name="${escapeXml(connector.name)}" Id="${connector.id}">`,
      ...Object.entries(connector.properties).map(([name, value]) => `      <${name}>${escapeXml(value)}</${name}>`),
      '    </Connector>',
    ].join('\r\n'),
  );
  return ['<?xml version="1.0" encoding="utf-8"?>', '<ServerConfiguration>', '  <Gateways>', ...gateways, '  </Gateways>', '  <Connectors>', ...connectors, '  </Connectors>', '</ServerConfiguration>', ''].join('\r\n');
}
