import fc from 'fast-check';
import { GatewayAuthError, GatewayRejectedError } from '../../../src/errors';
import {
  diafaanDeliveryState,
  diafaanError,
  formatDiafaanUsDate,
  parseDiafaanDate,
  parseDiafaanLines,
  parseReceivedMessages,
  parseServerStatus,
  toInboundMessage,
} from '../../../src/vendors/diafaan';

describe('Diafaan line answers', () => {
  it('splits on CR, LF and CRLF, trims, and classifies each line', () => {
    expect(parseDiafaanLines('OK: a\r\nERROR:304 Authentication error\rOK:b\n\n  STATUS:200 Success  \nERROR-CODE:0 No error\nGATEWAY:GSM Modem Gateway\nERROR: not in queue\nhello')).toEqual([
      { kind: 'ok', value: 'a', line: 'OK: a' },
      { kind: 'error', code: 304, text: 'Authentication error', line: 'ERROR:304 Authentication error' },
      { kind: 'ok', value: 'b', line: 'OK:b' },
      { kind: 'status', code: 200, text: 'Success', line: 'STATUS:200 Success' },
      { kind: 'error-code', code: 0, text: 'No error', line: 'ERROR-CODE:0 No error' },
      { kind: 'gateway', name: 'GSM Modem Gateway', line: 'GATEWAY:GSM Modem Gateway' },
      { kind: 'error', text: 'not in queue', line: 'ERROR: not in queue' },
      { kind: 'other', line: 'hello' },
    ]);
  });

  it('maps status codes to the neutral vocabulary', () => {
    expect([200, 201, 250, 300, 301, 399, 100, 0].map(diafaanDeliveryState)).toEqual(['sent', 'delivered', 'sent', 'failed', 'failed', 'failed', 'queued', 'unknown']);
  });

  it('types error codes: auth codes, documented codes with advice, unknown codes with their text', () => {
    expect(diafaanError(303, 'Guest login not available', 'send-message')).toBeInstanceOf(GatewayAuthError);
    expect(diafaanError(312, '', 'send-message')).toBeInstanceOf(GatewayAuthError);
    const notAllowed = diafaanError(307, 'Operation not allowed', 'send-server-command');
    expect(notAllowed).toBeInstanceOf(GatewayRejectedError);
    expect(notAllowed.message).toMatch(/SendServerCommandEnabled/);
    const unknown = diafaanError(305, 'Something new', 'send-message') as GatewayRejectedError;
    expect(unknown.vendorCode).toBe(305);
    expect(unknown.message).toBe('Diafaan send-message failed: 305 Something new.');
    expect(diafaanError(308, '', 'x').message).toMatch(/308 no error text/);
    expect(diafaanError(310, 'HTTP callback authentication not supported for this command', 'x').retryable).toBe(false);
  });
});

describe('Diafaan dates', () => {
  it('reads yyyyMMddHHmmss, ISO 8601 and locale strings', () => {
    expect(parseDiafaanDate('20100219200855')).toBe('2010-02-19T20:08:55');
    expect(parseDiafaanDate('20100219200855', { offsetMinutes: -420 })).toBe('2010-02-19T20:08:55-07:00');
    expect(parseDiafaanDate('2020-12-31T19:35:00.0000000-07:00')).toBe('2020-12-31T19:35:00-07:00');
    expect(parseDiafaanDate('2/19/2010 8:08:55 PM')).toBe('2010-02-19T20:08:55');
    expect(parseDiafaanDate('2/19/2010 12:08:55 AM')).toBe('2010-02-19T00:08:55');
    expect(parseDiafaanDate('19-2-2010 20:08:55')).toBe('2010-02-19T20:08:55');
    expect(parseDiafaanDate('19.02.2010 20:08')).toBe('2010-02-19T20:08:00');
    expect(parseDiafaanDate('03/02/2010 20:08:55')).toBe('2010-02-03T20:08:55');
    expect(parseDiafaanDate('03/02/2010 20:08:55', { order: 'mdy' })).toBe('2010-03-02T20:08:55');
    expect(parseDiafaanDate('2010/02/19 20:08:55')).toBe('2010-02-19T20:08:55');
    expect(parseDiafaanDate('yesterday')).toBeUndefined();
    expect(parseDiafaanDate('20101319200855')).toBeUndefined();
  });

  it('round-trips the simulator\'s US locale form', () => {
    expect(parseDiafaanDate(formatDiafaanUsDate(Date.UTC(2026, 0, 15, 13, 5, 9)))).toBe('2026-01-15T13:05:09');
  });
});

describe('Diafaan XML answers', () => {
  it('reads the seed\'s MessageList by element name, whatever the element order', () => {
    const xml = `<?xml version='1.0' encoding='UTF-8'?>
<MessageList Count="2">
 <Message>
   <From>+44xxxxxx</From>
   <To />
   <MessageText>Message text 1</MessageText>
   <MessageType>sms.text</MessageType>
   <MessageId>ae97a8b7-5336-445a-ae67-e658aa8f6aed</MessageId>
   <MessagePart>-1</MessagePart>
   <ReceivedMessageParts>1</ReceivedMessageParts>
   <TotalMessageParts>1</TotalMessageParts>
   <SendTime>20100219200855</SendTime>
   <ReceiveTime>20100219200848</ReceiveTime>
   <Gateway>GSM Modem Gateway</Gateway>
   <SMSC>+44xxxxxxxxx</SMSC>
   <PDU>079458560488019539B53F50000012091028055400DD47719649987CD25D87506</PDU>
   <IsRemoved>0</IsRemoved>
 </Message>
 <Message>
   <IsRemoved>1</IsRemoved>
   <MessageId>bf97a8b7-5336-445a-ae67-e658aa8f6aed</MessageId>
   <MessageText>0044</MessageText>
   <ReceiveTime>2/19/2010 8:08:48 PM</ReceiveTime>
   <From>+33xxxxxxxx</From>
 </Message>
</MessageList>`;
    const { count, messages } = parseReceivedMessages(xml);
    expect(count).toBe(2);
    expect(messages[0]).toMatchObject({ from: '+44xxxxxx', to: undefined, text: 'Message text 1', messagePart: -1, totalMessageParts: 1, gateway: 'GSM Modem Gateway', isRemoved: false });
    expect(messages[1]).toMatchObject({ from: '+33xxxxxxxx', text: '0044', isRemoved: true });
    expect(toInboundMessage(messages[0]!)).toMatchObject({ id: 'ae97a8b7-5336-445a-ae67-e658aa8f6aed', receivedAt: '2010-02-19T20:08:55', smsc: '+44xxxxxxxxx', port: 'GSM Modem Gateway' });
    expect(toInboundMessage(messages[1]!).receivedAt).toBe('2010-02-19T20:08:48');
  });

  it('reads an empty list and refuses XML without MessageList', () => {
    expect(parseReceivedMessages('<MessageList Count="0"></MessageList>').messages).toEqual([]);
    expect(parseReceivedMessages('<MessageList Count="0" />').messages).toEqual([]);
    expect(() => parseReceivedMessages('<Other/>')).toThrow(/no <MessageList>/);
  });

  it('finds gateways and the queue in any server status layout', () => {
    const nested = parseServerStatus(
      '<Status><Server><MessagesInSendQueue>4</MessagesInSendQueue></Server><Gateway Name="GSM Modem Gateway" Id="1" Active="1" Available="0" SendEnabled="1" ReceiveEnabled="0" /></Status>',
    );
    expect(nested.messagesInSendQueue).toBe(4);
    expect(nested.gateways).toEqual([
      expect.objectContaining({ name: 'GSM Modem Gateway', id: '1', active: true, available: false, sendEnabled: true, receiveEnabled: false }),
    ]);
    const perGateway = parseServerStatus(
      '<DiafaanStatus><Gateways><Gateway Name="A" Id="1"><MessagesInSendQueue>2</MessagesInSendQueue></Gateway><Gateway Name="B" Id="2"><MessagesInSendQueue>3</MessagesInSendQueue></Gateway></Gateways></DiafaanStatus>',
    );
    expect(perGateway.messagesInSendQueue).toBe(5);
    expect(perGateway.rootElement).toBe('DiafaanStatus');
  });
});

describe('Diafaan line answers (properties)', () => {
  const id = fc.uuid();
  const line = fc.oneof(
    id.map((value) => `OK: ${value}`),
    fc.tuple(fc.integer({ min: 300, max: 399 }), fc.stringMatching(/^[A-Za-z ]{0,30}$/)).map(([code, text]) => `ERROR:${code} ${text}`),
  );

  it('reads the same lines whatever the line endings and surrounding blanks', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\r\n', '\n', '\r'), fc.boolean(), (lines, separator, trailing) => {
        const body = lines.map((value) => `  ${value}\t`).join(separator) + (trailing ? separator : '');
        const parsed = parseDiafaanLines(body);
        expect(parsed.map((entry) => entry.line)).toEqual(lines.map((value) => value.trim()));
        expect(parsed.every((entry) => entry.kind === 'ok' || entry.kind === 'error')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
