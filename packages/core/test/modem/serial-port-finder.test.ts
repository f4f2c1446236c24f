import { findSerialPort, parsePortSelector, type SerialPortListing } from '../../src/modem/serial/serial-port-finder';

const ports: SerialPortListing[] = [
  { path: '/dev/ttyUSB10', serialNumber: 'QC123', vendorId: '2C7C', productId: '0125' },
  { path: '/dev/ttyUSB2', serialNumber: 'QC123', vendorId: '2c7c', productId: '0125' },
  { path: '/dev/ttyUSB3', serialNumber: 'QC123', vendorId: '2c7c', productId: '0125' },
  { path: '/dev/ttyACM0', serialNumber: 'SIM7600', vendorId: '1e0e', productId: '9001' },
];
const lister = async () => ports;

describe('serial port discovery', () => {
  it.each([
    ['/dev/ttyUSB2', { path: '/dev/ttyUSB2' }],
    ['COM3', { path: 'COM3' }],
    ['2C7C:0125', { vendorId: '2c7c', productId: '0125' }],
    ['2c7c:0125#2', { vendorId: '2c7c', productId: '0125', index: 2 }],
    ['QC123#1', { serialNumber: 'QC123', index: 1 }],
    ['SIM7600', { serialNumber: 'SIM7600' }],
  ])('reads %s', (text, selector) => {
    expect(parsePortSelector(text)).toEqual(selector);
  });

  it('finds by serial number or VID:PID in natural path order', async () => {
    await expect(findSerialPort({ serialNumber: 'SIM7600' }, lister)).resolves.toBe('/dev/ttyACM0');
    await expect(findSerialPort({ vendorId: '2c7c', productId: '0125' }, lister)).resolves.toBe('/dev/ttyUSB2');
    await expect(findSerialPort({ vendorId: '2c7c', productId: '0125', index: 2 }, lister)).resolves.toBe('/dev/ttyUSB10');
  });

  it('returns a fixed path without listing', async () => {
    await expect(findSerialPort({ path: '/tmp/pty' }, async () => { throw new Error('not called'); })).resolves.toBe('/tmp/pty');
  });

  it('says which ports it saw when nothing matches', async () => {
    await expect(findSerialPort({ serialNumber: 'NOPE' }, lister)).rejects.toMatchObject({ code: 'SMSB_MODEM_NOT_FOUND', retryable: true, details: { listed: ports.map((p) => p.path) } });
  });
});
