import { CodecError } from '../../../src/errors/codec-error';
import { decodePdu } from '../../../src/codec/pdu/decode-pdu';
import type { DecodedPdu } from '../../../src/codec/types';

/**
 * Real PDUs published with their decoded meaning. Each row names where it was published; rows
 * marked "constructed" were built by hand field by field from TS 23.040 for cases no public
 * sample covered.
 */
interface Row {
  source: string;
  hex: string;
  hasSmsc?: boolean;
  expected: Partial<DecodedPdu>;
}

const rows: Row[] = [
  {
    source: 'node-pdu README / test data "Simple Delivery message #1"',
    hex: '07919730071111F1000B919746121611F10000811170021222230DC8329BFD6681EE6F399B1C02',
    expected: {
      type: 'deliver',
      smsc: '+79037011111',
      address: '+79642161111',
      addressType: 'international',
      timestamp: '2018-11-07T20:21:22+08:00',
      text: 'Hello, world!',
      encoding: 'gsm7',
      class: null,
      concat: null,
      tpduLength: 31,
    },
  },
  {
    source: 'node-pdu test data "Negative SCTS Time Zone offset"',
    hex: '07919730071111F1000B919746121611F100008111700212222B0DC8329BFD6681EE6F399B1C02',
    expected: { timestamp: '2018-11-07T20:21:22-08:00', text: 'Hello, world!' },
  },
  {
    source: 'node-pdu test data "Extended 7 bit symbols #1"',
    hex: '07919730071111F1000B919746121611F10000811170021222230A1B5E583C2697CD1B1F',
    expected: { text: '[abcdef]' },
  },
  {
    source: 'node-pdu test data "Extended 7 bit symbols #2"',
    hex: '07919730071111F1000B919746121611F1000081117002122223081B14BD3CA76F52',
    expected: { text: '{test}' },
  },
  {
    source: 'node-pdu test data "UCS2 encoded #1" (Russian "Hello, world!")',
    hex: '07919730071111F1000B919746121611F100088111800212222318041F04400438043204350442002C0020043C043804400021',
    expected: { encoding: 'ucs2', dataCodingScheme: 8, text: '\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440!' },
  },
  {
    source: 'node-pdu test data "International phone number #1" (SUBMIT, empty SMSC)',
    hex: '000100039199F9000005C8329BFD06',
    expected: { type: 'submit', smsc: null, address: '+999', addressType: 'international', text: 'Hello', messageReference: 0, validityPeriod: null },
  },
  {
    source: 'node-pdu test data "Non-International phone number"',
    hex: '000100038199F9000005C8329BFD06',
    expected: { type: 'submit', address: '999', addressType: 'unknown', text: 'Hello' },
  },
  {
    source: 'node-pdu test data "Alphanumeric OA" (Telfort, NL)',
    hex: '07911326060032F0000DD0D432DBFC96D30100001121313121114012D7327BFC6E9741F437885A669BDF723A',
    expected: {
      smsc: '+31626000230',
      address: 'Telfort',
      addressType: 'alphanumeric',
      timestamp: '2011-12-13T13:12:11+01:00',
      text: 'Welcome to Telfort',
    },
  },
  {
    source: 'node-pdu test data "Concatenated message #1 (part 1/2) with 16bit ref."',
    hex: '07919730071111F1400B919746121611F10000811170021222230E06080412340201C8329BFD6601',
    expected: { text: 'Hello,', concat: { reference: 0x1234, total: 2, sequence: 1, referenceBits: 16 }, udh: [{ iei: 8, data: '12340201' }] },
  },
  {
    source: 'node-pdu test data "Concatenated message #1 (part 2/2) with 16bit ref."',
    hex: '07919730071111F1400B919746121611F10000811170021232230F06080412340202A0FB5BCE268700',
    expected: { text: ' world!', concat: { reference: 0x1234, total: 2, sequence: 2, referenceBits: 16 } },
  },
  {
    source: 'node-pdu test data "Concatenated message #3 (part 3/3) with 16bit ref."',
    hex: '07919730071111F1400B919746121611F10000811170021242230D06080412340303A076D8FD03',
    expected: { text: ' man?', concat: { reference: 0x1234, total: 3, sequence: 3, referenceBits: 16 } },
  },
  {
    source: 'node-pdu test data "Concatenated message #4 (part 1/2) with 8bit ref."',
    hex: '07919730071111F1400B919746121611F10000100161916223230D0500032E020190E175DD1D06',
    expected: { text: 'Hakuna', timestamp: '2001-10-16T19:26:32+08:00', concat: { reference: 0x2e, total: 2, sequence: 1, referenceBits: 8 }, udh: [{ iei: 0, data: '2E0201' }] },
  },
  {
    source: 'node-pdu test data "Concatenated message #4 (part 2/2) with 8bit ref."',
    hex: '07919730071111F1400B919746121611F10000100161916233230E0500032E020240ED303D4C0F03',
    expected: { text: ' matata', concat: { reference: 0x2e, total: 2, sequence: 2, referenceBits: 8 } },
  },
  {
    source: 'node-pdu test data "EMS formatted text #1" (unknown IEI 0A kept)',
    hex: '07919730071111F1400B919746121611F100008111701222322342140A030004100A030606200A030E09400A031C0D80C2379BCC0225E961767ACC0255DDE4B29C9D76974161371934A5CBD3EB321D2D7FD7CF6817',
    expected: {
      text: 'Bold, Italic, Underline and Strikethrough.',
      concat: null,
      udh: [
        { iei: 0x0a, data: '000410' },
        { iei: 0x0a, data: '060620' },
        { iei: 0x0a, data: '0E0940' },
        { iei: 0x0a, data: '1C0D80' },
      ],
    },
  },
  {
    source: 'node-pdu test data "Flash SMS"',
    hex: '07919730071111F1000B919746121611F10010811170021222231054747A0E4ACF416190991D9EA343',
    expected: { dataCodingScheme: 0x10, class: 0, encoding: 'gsm7', text: 'This is a flash!' },
  },
  {
    source: 'python-gsmmodem test/test_pdu.py TestSmsPdu.test_decode #1',
    hex: '06917228195339040B917228214365F700003130805120618005D4F29C2E03',
    expected: {
      smsc: '+2782913593',
      address: '+27821234567',
      protocolId: 0,
      timestamp: '2013-03-08T15:02:16+02:00',
      text: 'Test2',
      moreMessagesToSend: false,
    },
  },
  {
    source: 'python-gsmmodem test_decode #2 (also in many AT-command tutorials)',
    hex: '07915892000000F0040B915892214365F700007040213252242331493A283D0795C3F33C88FE06C9CB6132885EC6D341EDF27C1E3E97E7207B3A0C0A5241E377BB1D7693E72E',
    expected: {
      smsc: '+85290000000',
      address: '+85291234567',
      timestamp: '2007-04-12T23:25:42+08:00',
      text: 'It is easy to read text messages via AT commands.',
    },
  },
  {
    source: 'python-gsmmodem test_decode #3 (escape pairs and é)',
    hex: '06917228195339040B917228214365F70000313062315352800A800D8A5E98D337A910',
    expected: { address: '+27821234567', text: '@{tést}!' },
  },
  {
    source: 'python-gsmmodem test_decode #4 (SUBMIT, relative validity 3 days, status report requested)',
    hex: '07911326040000F0310D0B911326880736F40000A90FF7FBDD454E87CDE1B0DB357EB701',
    expected: {
      type: 'submit',
      smsc: '+31624000000',
      address: '+31628870634',
      messageReference: 13,
      statusReportRequested: true,
      validityPeriod: { format: 'relative', minutes: 3 * 24 * 60 },
      text: 'www.diafaan.com',
    },
  },
  {
    source: 'python-gsmmodem test_decode #5 (STATUS-REPORT without TP-PI)',
    hex: '0006D60B911326880736F4111011719551401110117195714000',
    expected: {
      type: 'status-report',
      smsc: null,
      address: '+31628870634',
      messageReference: 214,
      timestamp: '2011-01-11T17:59:15+01:00',
      dischargeTime: '2011-01-11T17:59:17+01:00',
      status: 0,
      protocolId: null,
      dataCodingScheme: null,
      text: null,
    },
  },
  {
    source: 'python-gsmmodem test_decode #6 (concat element with total 1, national OA)',
    hex: '0591721891F1400781721881F800003160526104848059050003C30101916536FB1DCABEEB2074D85E064941B19CAB060319A5C522289C96D3D3ED32286C0FA7D96131BBEC024941B19CAB0603DDD36C36A88C87A7E565D0DB0D82C55EB0DB4B068BCD5C20',
    expected: {
      smsc: '+2781191',
      address: '2781188',
      addressType: 'unknown',
      concat: { reference: 0xc3, total: 1, sequence: 1, referenceBits: 8 },
      text: 'Hello!You have R 19.50 FREE airtime available. R 19.50 will expire on 01/07/2013. ',
    },
  },
  {
    source: 'python-gsmmodem test_decode #7 (UCS-2 SUBMIT)',
    hex: '07914346466554F601000B914316565811F9000806304253F68449',
    expected: { type: 'submit', smsc: '+34646456456', address: '+34616585119', encoding: 'ucs2', text: 'あ叶葉' },
  },
  {
    source: 'python-gsmmodem test_decode #9 (8-bit data coding)',
    hex: '0591721891F101000B917228214365F700040C48656C6C6F20776F726C6421',
    expected: { type: 'submit', encoding: '8bit', dataCodingScheme: 4, text: null, data: '48656C6C6F20776F726C6421' },
  },
  {
    source: 'python-gsmmodem test_decode #10 (absolute validity period)',
    hex: '0019000B917228001011F100003170013193008017D474BB3CA787DB70903DCC4E93D3F43C885E9ED301',
    expected: { text: 'Timestamp validity test', validityPeriod: { format: 'absolute', absolute: '2013-07-10T13:39:00+02:00' } },
  },
  {
    source: 'python-gsmmodem test_decode #11 ("semi-invalid" STATUS-REPORT captured from a ZTE modem; # digit in the address)',
    hex: '0297F1061C0F910B487228297020F5317062419272803170624192138000',
    expected: {
      type: 'status-report',
      messageReference: 28,
      address: '+#08427829207025',
      timestamp: '2013-07-26T14:29:27+02:00',
      dischargeTime: '2013-07-26T14:29:31+02:00',
      status: 0,
    },
  },
  {
    source: 'python-gsmmodem test_encodeSmsSubmit #2 (UCS-2, relative validity 52 weeks)',
    hex: '07914400000000F01100099121436587F90008F40A4E16754C60A8597DFF01',
    expected: { smsc: '+44000000000', address: '+123456789', text: '世界您好！', validityPeriod: { format: 'relative', minutes: 52 * 7 * 24 * 60 } },
  },
  {
    source: 'smslib (frontlinesms) TestCStatusReportMessage',
    hex: '079144973770939906270C91449777621047012021216043000120212160930000',
    expected: {
      type: 'status-report',
      smsc: '+447973073999',
      address: '+447977260174',
      messageReference: 39,
      timestamp: '2010-02-12T12:06:34+00:00',
      dischargeTime: '2010-02-12T12:06:39+00:00',
      status: 0,
    },
  },
  {
    source: 'warthog618/sms statusreport_internal_test.go "full" (TP-PI 07: PID, DCS 8-bit, UD), first octet set to MTI 10',
    hex: '0642049136195150713220052351408132200542AB078904067265706F7274',
    hasSmsc: false,
    expected: {
      type: 'status-report',
      messageReference: 0x42,
      address: '+6391',
      timestamp: '2015-05-17T23:02:50+08:00',
      dischargeTime: '2015-04-18T23:02:50+06:00',
      status: 0xab,
      protocolId: 0x89,
      dataCodingScheme: 0x04,
      encoding: '8bit',
      data: '7265706F7274',
      text: null,
    },
  },
  {
    source: 'warthog618/sms statusreport_internal_test.go "dcs" (TP-PI 02 only), first octet set to MTI 10',
    hex: '0642049136195150713220052351408132200542AB0204',
    hasSmsc: false,
    expected: { status: 0xab, protocolId: null, dataCodingScheme: 4, text: null, data: null },
  },
  {
    source: 'classic "hellohello" SMS-SUBMIT (dreamfabric.com / many AT-command tutorials)',
    hex: '0011000B916407281553F80000AA0AE8329BFD4697D9EC37',
    expected: { type: 'submit', address: '+46708251358', text: 'hellohello', validityPeriod: { format: 'relative', minutes: 4 * 24 * 60 }, tpduLength: 23 },
  },
  {
    source: 'classic "hellohello" SMS-DELIVER (dreamfabric.com): TON subscriber/NPI national, SCTS year 99',
    hex: '07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37',
    expected: { smsc: '+27381000015', address: '27838890001', addressType: 'unknown', timestamp: '1999-03-29T15:16:59+02:00', text: 'hellohello' },
  },
  {
    source: 'constructed: DELIVER, UCS-2 "Hi 😀" (surrogate pair), class 1 (DCS 19)',
    hex: '0004' + '0B919746121611F1' + '0019' + '42306241501540' + '0A' + '004800690020D83DDE00',
    expected: { smsc: null, class: 1, encoding: 'ucs2', text: 'Hi 😀', timestamp: '2024-03-26T14:05:51+01:00' },
  },
  {
    source: 'constructed: DELIVER, DCS F2 (class 2, GSM-7) from the 1111 coding group',
    hex: '0004' + '0B919746121611F1' + '00F2' + '42306241501548' + '05' + 'C8329BFD06',
    expected: { class: 2, encoding: 'gsm7', text: 'Hello', timestamp: '2024-03-26T14:05:51-01:00' },
  },
  {
    source: 'constructed: DELIVER, SCTS time zone -05:45 (23 quarters, sign bit 3)',
    hex: '0004' + '0B919746121611F1' + '0000' + '423062415015' + '3A' + '05' + 'C8329BFD06',
    expected: { timestamp: '2024-03-26T14:05:51-05:45' },
  },
  {
    source: 'constructed: DELIVER, alphanumeric OA "Info" with an odd length, extended BCD SMSC digits',
    hex: '04' + '91' + '213ACB' + '04' + '07D049B7F90D' + '0000' + '42306241501540' + '05' + 'C8329BFD06',
    expected: { smsc: '+12*3#a', address: 'Info', addressType: 'alphanumeric', text: 'Hello' },
  },
];

describe('decodePdu on published PDUs', () => {
  it.each(rows)('$source', ({ hex, hasSmsc, expected }) => {
    const decoded = decodePdu(hex, { hasSmsc: hasSmsc ?? true });
    expect(decoded).toMatchObject(expected);
  });

  it('fills every DecodedPdu field (none left undefined)', () => {
    const keys: (keyof DecodedPdu)[] = [
      'type', 'smsc', 'address', 'addressType', 'timestamp', 'dischargeTime', 'text', 'data', 'encoding', 'class', 'concat',
      'messageReference', 'status', 'protocolId', 'dataCodingScheme', 'statusReportRequested', 'moreMessagesToSend', 'replyPath',
      'validityPeriod', 'national', 'udh', 'tpduLength',
    ];
    for (const row of rows) {
      const decoded = decodePdu(row.hex, { hasSmsc: row.hasSmsc ?? true });
      for (const key of keys) expect(decoded[key]).not.toBeUndefined();
    }
  });

  it('rejects the python-gsmmodem PDU whose TP-UDL (160) is longer than its user data', () => {
    // python-gsmmodem test_decode #8 notes "User data length is invalid in this PDU (too long)".
    const hex = '0041010C910661345542F60008A0050003000301306F3044';
    expect(() => decodePdu(hex)).toThrow(CodecError);
    try {
      decodePdu(hex);
    } catch (error) {
      expect((error as CodecError).code).toBe('SMSB_CODEC_TRUNCATED');
      expect((error as CodecError).offset).toBe(14);
    }
  });
});
