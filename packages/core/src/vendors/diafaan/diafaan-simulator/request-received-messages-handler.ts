import { requestParameter, xmlReply, type SimulatorReply, type SimulatorRequest } from '../../../simulator/simulator-request';
import { formatDiafaanCompactDate, formatDiafaanUsDate } from '../diafaan-dates';
import type { DiafaanSimulatorState } from './diafaan-simulator-state';
import { escapeXml } from './diafaan-simulator-replies';

/**
 * `request-received-messages`: the seed's `MessageList` XML, oldest first unless `order=newest`,
 * at most `limit`; `remove=1` deletes exactly what it returned (unless `removeIsUnreliable`).
 */
export function handleRequestReceivedMessages(request: SimulatorRequest, server: DiafaanSimulatorState): SimulatorReply {
  const limit = Number(requestParameter(request, 'limit'));
  const newest = requestParameter(request, 'order') === 'newest';
  const ordered = [...server.network.inbox].sort((a, b) => a.receivedAt - b.receivedAt);
  if (newest) ordered.reverse();
  const chosen = Number.isFinite(limit) && limit > 0 ? ordered.slice(0, limit) : ordered;
  const date = (ms: number) => (server.dateStyle === 'us-locale' ? formatDiafaanUsDate(ms) : formatDiafaanCompactDate(ms));
  const body = chosen.map((message) =>
    [
      ' <Message>',
      `   <From>${escapeXml(message.from)}</From>`,
      message.to ? `   <To>${escapeXml(message.to)}</To>` : '   <To />',
      `   <MessageText>${escapeXml(message.text)}</MessageText>`,
      `   <MessageType>${escapeXml(String(message.meta['messageType'] ?? 'sms.text'))}</MessageType>`,
      `   <MessageId>${escapeXml(message.id)}</MessageId>`,
      '   <MessagePart>-1</MessagePart>',
      '   <ReceivedMessageParts>1</ReceivedMessageParts>',
      '   <TotalMessageParts>1</TotalMessageParts>',
      `   <SendTime>${date(message.sentAt)}</SendTime>`,
      `   <ReceiveTime>${date(message.receivedAt)}</ReceiveTime>`,
      `   <Gateway>${escapeXml(message.channel ?? server.firstGatewayName())}</Gateway>`,
      message.smsc ? `   <SMSC>${escapeXml(message.smsc)}</SMSC>` : '   <SMSC />',
      message.meta['pdu'] ? `   <PDU>${escapeXml(String(message.meta['pdu']))}</PDU>` : '   <PDU />',
      '   <IsRemoved>0</IsRemoved>',
      ' </Message>',
    ].join('\r\n'),
  );
  if (requestParameter(request, 'remove') === '1' && !server.removeIsUnreliable) server.network.removeInbound(chosen.map((message) => message.id));
  return xmlReply([`<?xml version='1.0' encoding='UTF-8'?>`, `<MessageList Count="${chosen.length}">`, ...body, '</MessageList>', ''].join('\r\n'));
}
