import { formatGatewayLocalTime, gatewayLocalTimeToIso, parseGatewayLocalTime } from '../../../src/vendors/shared';

describe('gateway local time', () => {
  it('writes four-digit years in the gateway zone and reads them back', () => {
    const instant = Date.UTC(2024, 2, 26, 12, 5, 9);
    expect(formatGatewayLocalTime(instant, 0)).toBe('2024-03-26 12:05:09');
    expect(formatGatewayLocalTime(instant, 120)).toBe('2024-03-26 14:05:09');
    expect(parseGatewayLocalTime('2024-03-26 14:05:09', 120)).toBe(instant);
    expect(parseGatewayLocalTime('24-03-26 14:05:09', 120)).toBe(instant);
    expect(gatewayLocalTimeToIso('2024-03-26 14:05:09', -90)).toBe('2024-03-26T14:05:09-01:30');
    expect(parseGatewayLocalTime('2024-13-01 00:00:00', 0)).toBeUndefined();
    expect(parseGatewayLocalTime('yesterday', 0)).toBeUndefined();
  });
});
