import { parseIccid } from '../../src/modem/device/iccid';
import { parseNetworkOperator } from '../../src/modem/device/network-operator';
import { parseNetworkRegistration } from '../../src/modem/device/network-registration';
import { parseSignalQuality } from '../../src/modem/device/signal-quality';
import { parseSmsCenter } from '../../src/modem/device/sms-center';

describe('device answer parsers', () => {
  it.each([
    ['+CSQ: 0,99', -113],
    ['+CSQ: 21,0', -71],
    ['+CSQ: 31,99', -51],
    ['+CSQ: 99,99', undefined],
  ])('%s → %s dBm', (line, dbm) => {
    expect(parseSignalQuality(line)?.dbm).toBe(dbm);
  });

  it('tells the solicited +CREG answer from the URC by context', () => {
    expect(parseNetworkRegistration('+CREG: 2,1,"84CD","00D30156",7', true)).toEqual({ state: 'home', stat: 1, lac: '84CD', cellId: '00D30156', accessTechnology: 7 });
    expect(parseNetworkRegistration('+CREG: 1,"84CD","00D30156"', false)).toEqual({ state: 'home', stat: 1, lac: '84CD', cellId: '00D30156' });
    expect(parseNetworkRegistration('+CREG: 0,5', true)).toEqual({ state: 'roaming', stat: 5 });
    expect(parseNetworkRegistration('+CREG: 3', false)).toEqual({ state: 'denied', stat: 3 });
    expect(parseNetworkRegistration('+CGREG: 0,2', true)).toMatchObject({ state: 'searching' });
  });

  it('reads +COPS?', () => {
    expect(parseNetworkOperator('+COPS: 0,0,"Vodafone.de",7')).toEqual({ name: 'Vodafone.de', format: 'long', accessTechnology: 7 });
    expect(parseNetworkOperator('+COPS: 0,2,"26202"')).toEqual({ name: '26202', format: 'numeric' });
    expect(parseNetworkOperator('+COPS: 0')).toEqual({});
  });

  it.each([
    ['+CCID: 89490200001234567890', '89490200001234567890'],
    ['+QCCID: 8944110068256270054F', '8944110068256270054'],
    ['89860012345678901234', '89860012345678901234'],
    // Huawei gives EF-ICCID nibble-swapped.
    ['^ICCID: 98684006404000023670', '89860460040400206307'],
    ['+CCID: "89014103211118510720"', '89014103211118510720'],
  ])('reads the ICCID from %s', (line, iccid) => {
    expect(parseIccid(line)).toBe(iccid);
  });

  it('reads +CSCA? in GSM and UCS-2 form', () => {
    expect(parseSmsCenter('+CSCA: "+447785016005",145')).toBe('+447785016005');
    expect(parseSmsCenter('+CSCA: "002B003400340037003700380035003000310036003000300035",145')).toBe('+447785016005');
    expect(parseSmsCenter('+CSCA: "",129')).toBeUndefined();
  });
});
