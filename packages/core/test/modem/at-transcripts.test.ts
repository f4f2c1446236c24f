/**
 * Byte-level transcripts of real modems, replayed through the AT engine (and, where a reply needs
 * decoding, the parsers above it). Every row cites the public trace it was rebuilt from; bytes are
 * as the trace shows them (echo on, the modem's own line ends).
 */
import { AtEngine, type AtResponse } from '../../src/modem/at/at-engine';
import type { UnsolicitedLine } from '../../src/modem/at/unsolicited-router';
import { ModemCommandError } from '../../src/modem/modem-errors';
import { parseMessageList, parseMessageRead } from '../../src/modem/sms/stored-pdu-listing';
import { parseUssdReply } from '../../src/modem/ussd/ussd-reply';
import { decodePdu } from '../../src/codec/pdu/decode-pdu';
import { ManualClock } from '../../src/testing/manual-clock';
import { ScriptedTransport } from './helpers/scripted-transport';

interface TranscriptRow {
  name: string;
  /** Where the trace was published. */
  source: string;
  command: string;
  payload?: string;
  /** What the modem sends after the command line, and (for AT+CMGS) after the payload. */
  afterCommand: string;
  afterPayload?: string;
  expectLines?: string[];
  expectError?: Partial<ModemCommandError>;
  expectUrcs?: UnsolicitedLine[];
  check?: (response: AtResponse | undefined, urcs: UnsolicitedLine[]) => void;
}

const rows: TranscriptRow[] = [
  {
    name: 'Telit UC864: PDU echoed after the "> " prompt, then +CMGS: <mr>',
    source: 'Telit UC864-E/G AT Commands Reference Guide 80304ST10041a rev. 6, +CMGS example (manualshive.com/ru/manual/telit-wireless-solutions/uc864-e/1083737?page=168)',
    command: 'AT+CMGS=18',
    payload: '088128010099010259115507811020905512F90000A704F4F29C0E',
    afterCommand: 'AT+CMGS=18\r\r\n> ',
    afterPayload: '088128010099010259115507811020905512F90000A704F4F29C0E\x1a\r\n+CMGS: 124\r\n\r\nOK\r\n',
    expectLines: ['+CMGS: 124'],
  },
  {
    name: 'Telit LE910 / Multitech EV3: bare ">" prompt on its own line',
    source: 'Telit LE910 V2 AT Commands 80446ST10707A, +CMGS PDU example (easymanua.ls/telit-wireless-solutions/le910/manual?p=182)',
    command: 'AT+CMGS=35',
    payload: '07801091346554F307801096224658F1100200001662626262626262626262626262626262626262626262',
    afterCommand: '\r\n>',
    afterPayload: '\r\n+CMGS: 4\r\n\r\nOK\r\n',
    expectLines: ['+CMGS: 4'],
  },
  {
    name: 'Huawei E1752: AT+CMGL=4 with echo, one stored SMS-DELIVER',
    source: 'gammu/gammu issue #126 "Issue with Huawei E1752 modem", gammu-smsd debug log (github.com/gammu/gammu/issues/126)',
    command: 'AT+CMGL=4',
    afterCommand: 'AT+CMGL=4\r\r\n+CMGL: 0,0,,23\r\n07913366003051F5040B913366304381F900005180719120348004D4F29C0E\r\n\r\nOK\r\n',
    check: (response) => {
      const [stored] = parseMessageList(response!.lines);
      expect(stored).toMatchObject({ index: 0, status: 0 });
      expect(decodePdu(stored!.pdu)).toMatchObject({ address: '+33660334189', text: 'Test' });
    },
  },
  {
    name: 'Huawei E1752: ^RSSI signal URCs (no space after the colon) between responses',
    source: 'gammu/gammu issue #138 "Issue with Huawei E1752 modem after gammu-smsd 1.36.5 upgrade" (github.com/gammu/gammu/issues/138); placed mid-response here',
    command: 'AT+CPMS?',
    afterCommand: '\r\n^RSSI:13\r\n+CPMS: "SM",0,15,"SM",0,15,"SM",0,15\r\n^RSSI:10\r\n\r\nOK\r\n',
    expectLines: ['+CPMS: "SM",0,15,"SM",0,15,"SM",0,15'],
    expectUrcs: [
      { name: '^RSSI', line: '^RSSI:13' },
      { name: '^RSSI', line: '^RSSI:10' },
    ],
  },
  {
    name: 'Unnamed modem via gnokii: final OK ended by a lone CR',
    source: 'pkot/gnokii issue #1 "gnokii-smsd not INSERTing SMS INTO inbox table", serial dump (github.com/pkot/gnokii/issues/1)',
    command: 'AT+CPMS?',
    afterCommand: 'AT+CPMS?\r\r\n+CPMS: "ME",2,20,"SM",2,10,"SM",2,10\r\n\r\nOK\r',
    expectLines: ['+CPMS: "ME",2,20,"SM",2,10,"SM",2,10'],
  },
  {
    name: 'Huawei (gammu 1.38): AT+CUSD=2 without a session answers ERROR',
    source: 'gammu/wammu issue #44 "Failed to call from Huawei e173" (github.com/gammu/wammu/issues/44)',
    command: 'AT+CUSD=2',
    afterCommand: 'AT+CUSD=2\r\r\nERROR\r\n',
    expectError: { family: 'plain', meaning: 'ERROR' },
  },
  {
    name: 'Huawei: "COMMAND NOT SUPPORT" as a final result',
    source: 'gammu/gammu issue #385 "Sending USSD unknown error" (github.com/gammu/gammu/issues/385)',
    command: 'AT+MODE=2',
    afterCommand: 'AT+MODE=2\r\r\nCOMMAND NOT SUPPORT\r\n',
    expectError: { family: 'plain', meaning: 'command not supported' },
  },
  {
    name: 'Huawei: USSD as packed GSM 7-bit hex, reply after OK',
    source: 'gammu/python-gammu issue #3 "service-numbers.py seems not to work" (github.com/gammu/python-gammu/issues/3)',
    command: 'AT+CUSD=1,"AA180C3602",15',
    afterCommand: 'AT+CUSD=1,"AA180C3602",15\r\r\nOK\r\n+CUSD: 0,"A0E09A5E2FB3D9E539E858A7A3C3E2B25B07CAB9723150B12A7501",15\r\n',
    expectLines: [],
    check: (_response, urcs) => {
      expect(urcs).toHaveLength(1);
      const reply = parseUssdReply(urcs[0]!.line);
      expect(reply).toMatchObject({ status: 0, dcs: 15 });
      expect(reply!.text?.trim()).toBe('Aktuelles Guthaben: 9.91 EUR.');
    },
  },
  {
    name: 'Huawei under +CSCS="UCS2": USSD reply as UCS-2 hex, status 2, before OK',
    source: 'gammu/gammu issue #358 "USSD Error" (github.com/gammu/gammu/issues/358)',
    command: 'AT+CUSD=1,"002A0031003000300023",15',
    afterCommand:
      '\r\n+CUSD: 2,"00480061007600690020006B0065007200650074003A0020003000460074002E",15\r\n\r\nOK\r\n',
    expectLines: [],
    check: (_response, urcs) => {
      expect(parseUssdReply(urcs[0]!.line, 'auto', 'UCS2')).toMatchObject({ status: 2, text: 'Havi keret: 0Ft.' });
    },
  },
  {
    name: 'Huawei: +CMGR header with empty alpha',
    source: 'gammu/gammu issue #89 "Communication mishap" (github.com/gammu/gammu/issues/89)',
    command: 'AT+CMGR=2',
    afterCommand: 'AT+CMGR=2\r\r\n+CMGR: 0,,23\r\n07913366003051F5040B913366304381F900005180719120348004D4F29C0E\r\n\r\nOK\r\n',
    check: (response) => {
      expect(parseMessageRead(2, response!.lines)).toMatchObject({ index: 2, status: 0 });
    },
  },
  {
    name: 'SIMCom SIM800L: boot notices (+CPIN: READY, Call Ready, SMS Ready) while a command is in flight',
    source: 'Seeed-Studio/GPRS_SIM900 issue #39 "get rid of error from AT+CMGF=1" (github.com/Seeed-Studio/GPRS_SIM900/issues/39)',
    command: 'AT+CGMI',
    afterCommand: '\r\n+CPIN: READY\r\n\r\nCall Ready\r\n\r\nSMS Ready\r\nSIMCOM_Ltd\r\n\r\nOK\r\n',
    expectLines: ['SIMCOM_Ltd'],
    expectUrcs: [
      { name: '+CPIN', line: '+CPIN: READY' },
      { name: 'CALL READY', line: 'Call Ready' },
      { name: 'SMS READY', line: 'SMS Ready' },
    ],
  },
  {
    name: 'SIMCom SIM7600: RDY / SMS DONE / PB DONE boot lines around the first AT',
    source: 'Xinyuan-LilyGO/T-SIM7600X pull request #41 "Improve Startup", serial output (github.com/Xinyuan-LilyGO/T-SIM7600X/pull/41)',
    command: 'AT',
    afterCommand: '\r\nRDY\r\n\r\n+CPIN: READY\r\n\r\nSMS DONE\r\n\r\nPB DONE\r\nAT\r\r\nOK\r\n',
    expectLines: [],
    expectUrcs: [
      { name: 'RDY', line: 'RDY' },
      { name: '+CPIN', line: '+CPIN: READY' },
      { name: 'SMS DONE', line: 'SMS DONE' },
      { name: 'PB DONE', line: 'PB DONE' },
    ],
  },
];

describe('AT engine on published modem transcripts', () => {
  it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const clock = new ManualClock(0);
    const transport = new ScriptedTransport((written, t) => {
      if (written === `${row.command}\r`) t.push(row.afterCommand);
      else if (row.payload !== undefined && written === `${row.payload}\x1a`) t.push(row.afterPayload ?? '');
    });
    transport.isOpen = true;
    const engine = new AtEngine(transport, { clock });
    const urcs: UnsolicitedLine[] = [];
    engine.unsolicited.onAny((urc) => urcs.push(urc));
    const options = row.payload === undefined ? {} : { payload: row.payload };
    if (row.expectError) {
      await expect(engine.run(row.command, options)).rejects.toMatchObject(row.expectError);
      return;
    }
    const response = await engine.run(row.command, options);
    if (row.expectLines) expect(response.lines).toEqual(row.expectLines);
    expect(urcs).toEqual(row.expectUrcs ?? (row.check ? urcs : []));
    row.check?.(response, urcs);
    expect(clock.pendingTimers).toBe(0);
  });
});
