import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliUsageError } from '../../src/cli/cli-usage-error';
import { readGatewayConnection } from '../../src/cli/gateway-options';
import { parseKeyValueOptions } from '../../src/cli/key-value-options';
import { createVendorRegistry } from '../../src/vendors/registry';
import { createMemoryIo } from './memory-io';

const registry = createVendorRegistry();
const ioWith = (env: Record<string, string | undefined> = {}) => Object.assign(createMemoryIo(), { env });

describe('readGatewayConnection', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'smsbridge-gateway-options-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('maps the command line onto the connection values registry.open reads', async () => {
    const connection = await readGatewayConnection(
      'send',
      {
        gateway: 'dinstar',
        url: 'https://10.0.0.5:443/api',
        username: 'admin',
        timeout: '2500',
        insecure: true,
        option: ['authScheme=basic', 'ports:=[1,2]', 'keepAlive=true', 'gatewayUtcOffsetMinutes=120'],
      },
      ioWith({ SMSBRIDGE_PASSWORD: 'from-env' }),
      registry,
    );
    expect(connection).toEqual({
      gateway: 'dinstar',
      values: {
        url: 'https://10.0.0.5:443/api',
        username: 'admin',
        password: 'from-env',
        allowUnauthorizedCerts: true,
        timeoutMs: '2500',
        authScheme: 'basic',
        ports: [1, 2],
        keepAlive: true,
        gatewayUtcOffsetMinutes: '120',
      },
      secrets: ['from-env'],
    });
  });

  it('prefers --password to the environment, and reads no password when neither is set', async () => {
    const values = { gateway: 'jasmin', url: 'http://127.0.0.1:8080', username: 'u' };
    expect((await readGatewayConnection('send', { ...values, password: 'flag' }, ioWith({ SMSBRIDGE_PASSWORD: 'env' }), registry)).values['password']).toBe('flag');
    expect((await readGatewayConnection('send', values, ioWith(), registry)).values['password']).toBeUndefined();
    // An io without env (older entry) is simply no environment.
    expect((await readGatewayConnection('send', values, createMemoryIo(), registry)).values['password']).toBeUndefined();
  });

  it('reads --ca as the PEM to trust', async () => {
    const file = join(folder, 'ca.pem');
    await writeFile(file, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const connection = await readGatewayConnection('send', { gateway: 'diafaan', url: 'https://gw:9710', ca: file }, ioWith(), registry);
    expect(connection.values['ca']).toEqual('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  });

  it.each([
    [{ url: 'http://x' }, /--gateway is required/],
    [{ gateway: 'diafaan' }, /--url is required/],
    [{ gateway: 'diafaan', url: 'http://gw/', insecure: true, ca: 'ca.pem' }, /either --insecure or --ca/],
  ])('refuses %j as a usage error', async (values, message) => {
    const attempt = readGatewayConnection('send', values, ioWith(), registry);
    await expect(attempt).rejects.toBeInstanceOf(CliUsageError);
    await expect(attempt).rejects.toThrow(message);
  });

  // The values themselves are checked in the core, the same for the CLI and the hosts.
  it.each([
    [{ url: 'not a url' }, /"url" takes an http:\/\/ or https:\/\/ URL/],
    [{ url: 'ftp://gw/' }, /"url" takes an http:\/\/ or https:\/\/ URL/],
    [{ url: 'http://a:b@gw/' }, /must not contain credentials/],
    [{ url: 'http://gw/', timeoutMs: '1.5' }, /"timeoutMs" takes an integer from 100 to 3600000/],
    [{ url: 'http://gw/', noSuchSetting: 'x' }, /"noSuchSetting" does not exist/],
  ])('registry.open refuses %j before any request', (values, message) => {
    expect(() => registry.open('diafaan', { username: 'u', password: 'p', ...values })).toThrow(message);
  });
});

describe('parseKeyValueOptions', () => {
  it('keeps text and digits as strings, reads true/false, reads JSON after :=, and keeps = inside values', () => {
    const entries = ['to=4917600000', 'reload=false', 'on=true', 'priority:=3', 'items:=["performance"]', 'filter:={"a":1}', 'text=[promo] a=b', 'empty='];
    expect(parseKeyValueOptions('admin', 'arg', entries)).toEqual({
      to: '4917600000',
      reload: false,
      on: true,
      priority: 3,
      items: ['performance'],
      filter: { a: 1 },
      text: '[promo] a=b',
      empty: '',
    });
    expect(parseKeyValueOptions('admin', 'arg')).toEqual({});
  });

  it.each([['novalue'], ['=x'], [':=1'], ['ports:=[1,']])('refuses %s', (entry) => {
    expect(() => parseKeyValueOptions('admin', 'arg', [entry])).toThrow(CliUsageError);
  });
});
