import { parseXmlBody, type XmlElement } from '../shared/xml-body';

/** One `<Gateway …>` of the server status, attributes by name. */
export interface DiafaanGatewayStatus {
  name: string;
  id?: string;
  active?: boolean;
  available?: boolean;
  sendEnabled?: boolean;
  receiveEnabled?: boolean;
  messagesInSendQueue?: number;
  /** Every attribute and child element as text. */
  fields: Record<string, string>;
}

export interface DiafaanServerStatus {
  gateways: DiafaanGatewayStatus[];
  /** Server-wide send queue, or the sum over gateways when only those are given. */
  messagesInSendQueue?: number;
  /** Root element name (undocumented, kept for diagnosis). */
  rootElement?: string;
  /** Parsed document, for users who need more. */
  document: XmlElement;
}

function flag(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  return value === '1' || value.toLowerCase() === 'true';
}

function count(value: unknown): number | undefined {
  const text = typeof value === 'object' && value !== null ? (value as XmlElement)['#text'] : value;
  const number = Number(text);
  return text === undefined || text === '' || !Number.isFinite(number) ? undefined : number;
}

/** Every element called `name` anywhere under `node`, depth first, with its parent chain depth. */
function collect(node: unknown, name: string, inside: string[], found: { element: unknown; path: string[] }[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, name, inside, found);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, child] of Object.entries(node as XmlElement)) {
    if (key.startsWith('@_') || key === '#text') continue;
    if (key === name) for (const item of Array.isArray(child) ? child : [child]) found.push({ element: item, path: inside });
    collect(child, name, [...inside, key], found);
  }
}

/**
 * Reads `request-server-status` XML. Only fragments of it are documented (`<Gateway Name Id Active
 * Available SendEnabled ReceiveEnabled>`, `<MessagesInSendQueue>`), so it is searched by name at
 * any depth, never by position.
 */
export function parseServerStatus(xml: string): DiafaanServerStatus {
  const document = parseXmlBody(xml, 'diafaan', { idempotent: true });
  const gatewaysFound: { element: unknown; path: string[] }[] = [];
  collect(document, 'Gateway', [], gatewaysFound);
  const gateways = gatewaysFound
    .map(({ element }) => (typeof element === 'object' && element !== null ? (element as XmlElement) : { '#text': element }))
    .filter((element) => element['@_Name'] !== undefined || element['@_Id'] !== undefined)
    .map((element): DiafaanGatewayStatus => {
      const fields: Record<string, string> = {};
      for (const [key, value] of Object.entries(element)) {
        if (key === '#text') continue;
        const text = typeof value === 'object' && value !== null ? (value as XmlElement)['#text'] : value;
        if (text !== undefined) fields[key.replace(/^@_/, '')] = String(text);
      }
      return {
        name: fields['Name'] ?? '',
        id: fields['Id'],
        active: flag(fields['Active']),
        available: flag(fields['Available']),
        sendEnabled: flag(fields['SendEnabled']),
        receiveEnabled: flag(fields['ReceiveEnabled']),
        messagesInSendQueue: count(element['MessagesInSendQueue']),
        fields,
      };
    });
  const queues: { element: unknown; path: string[] }[] = [];
  collect(document, 'MessagesInSendQueue', [], queues);
  const serverQueue = queues.find(({ path }) => !path.includes('Gateway'));
  const perGateway = gateways.map((gateway) => gateway.messagesInSendQueue).filter((value): value is number => value !== undefined);
  return {
    gateways,
    messagesInSendQueue: serverQueue ? count(serverQueue.element) : perGateway.length ? perGateway.reduce((a, b) => a + b, 0) : undefined,
    rootElement: Object.keys(document).find((key) => !key.startsWith('?')),
    document,
  };
}
