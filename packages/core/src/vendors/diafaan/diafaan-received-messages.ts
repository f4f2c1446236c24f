import { GatewayMalformedResponseError } from '../../errors/gateway-errors';
import type { InboundMessage } from '../../model/inbound-message';
import { parseXmlBody, xmlAttribute, xmlChildren, xmlText, type XmlElement } from '../shared/xml-body';
import { parseDiafaanDate, type DiafaanDateOrder } from './diafaan-dates';

/** One `<Message>` of `request-received-messages`, every element by name. */
export interface DiafaanReceivedMessage {
  messageId: string;
  from: string;
  to?: string;
  text: string;
  messageType?: string;
  /** -1 for a complete (reassembled) message. */
  messagePart?: number;
  receivedMessageParts?: number;
  totalMessageParts?: number;
  /** As written by the server. */
  sendTime?: string;
  receiveTime?: string;
  gateway?: string;
  smsc?: string;
  pdu?: string;
  isRemoved?: boolean;
  /** Every element as text, for users who need the rest. */
  fields: Record<string, string | undefined>;
}

export interface ReceivedMessagesReadOptions {
  offsetMinutes?: number;
  dateOrder?: DiafaanDateOrder;
}

function optionalNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Parses a `<MessageList Count="n">` document. Element order does not matter. */
export function parseReceivedMessages(xml: string): { count?: number; messages: DiafaanReceivedMessage[] } {
  const document = parseXmlBody(xml, 'diafaan', { arrayElements: ['Message'], idempotent: true });
  const list = document['MessageList'] as XmlElement | undefined;
  if (list === undefined) {
    throw new GatewayMalformedResponseError('Diafaan answered request-received-messages with XML that has no <MessageList> element.', {
      details: { gateway: 'diafaan', rootElements: Object.keys(document) },
    });
  }
  const messageList = typeof list === 'object' ? list : {};
  const messages = xmlChildren(messageList, 'Message').map((element): DiafaanReceivedMessage => {
    const fields: Record<string, string | undefined> = {};
    for (const name of Object.keys(element)) if (!name.startsWith('@_') && name !== '#text') fields[name] = xmlText(element, name);
    return {
      messageId: xmlText(element, 'MessageId') ?? '',
      from: xmlText(element, 'From') ?? '',
      to: xmlText(element, 'To'),
      text: xmlText(element, 'MessageText') ?? '',
      messageType: xmlText(element, 'MessageType'),
      messagePart: optionalNumber(xmlText(element, 'MessagePart')),
      receivedMessageParts: optionalNumber(xmlText(element, 'ReceivedMessageParts')),
      totalMessageParts: optionalNumber(xmlText(element, 'TotalMessageParts')),
      sendTime: xmlText(element, 'SendTime'),
      receiveTime: xmlText(element, 'ReceiveTime'),
      gateway: xmlText(element, 'Gateway'),
      smsc: xmlText(element, 'SMSC'),
      pdu: xmlText(element, 'PDU'),
      isRemoved: xmlText(element, 'IsRemoved') === undefined ? undefined : xmlText(element, 'IsRemoved') === '1',
      fields,
    };
  });
  return { count: optionalNumber(xmlAttribute(messageList, 'Count')), messages };
}

/** Vendor-neutral form of a received message. `receivedAt` prefers the SMSC stamp (SendTime). */
export function toInboundMessage(message: DiafaanReceivedMessage, options: ReceivedMessagesReadOptions = {}): InboundMessage {
  const dateOptions = { offsetMinutes: options.offsetMinutes, order: options.dateOrder };
  return {
    id: message.messageId,
    from: message.from,
    to: message.to,
    text: message.text,
    receivedAt: parseDiafaanDate(message.sendTime, dateOptions) ?? parseDiafaanDate(message.receiveTime, dateOptions),
    smsc: message.smsc,
    port: message.gateway,
    gateway: 'diafaan',
    raw: { ...message.fields },
  };
}
