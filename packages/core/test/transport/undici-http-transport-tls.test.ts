import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { GatewayUnreachableError } from '../../src/errors';
import { UndiciHttpTransport } from '../../src/transport';

const cert = readFileSync(join(__dirname, 'fixtures', 'self-signed-cert.pem'), 'utf8');
const key = readFileSync(join(__dirname, 'fixtures', 'self-signed-key.pem'), 'utf8');

describe('UndiciHttpTransport over TLS', () => {
  let server: Server;
  let baseUrl: string;
  const transports: UndiciHttpTransport[] = [];
  const transport = (options: Partial<ConstructorParameters<typeof UndiciHttpTransport>[0]> = {}) => {
    const created = new UndiciHttpTransport({ baseUrl, gateway: 'box', ...options });
    transports.push(created);
    return created;
  };

  beforeAll(async () => {
    server = createServer({ cert, key }, (_request, response) => response.end('secure'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await Promise.all(transports.map((created) => created.close()));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('verifies certificates by default and says how to trust a self-signed one', async () => {
    const failure = await transport().request({ method: 'GET', path: '/', query: { password: 'hunter22' } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GatewayUnreachableError);
    expect((failure as Error).message).toMatch(/TLS handshake .* "ca" option/);
    expect(JSON.stringify(failure)).not.toContain('hunter22');
  });

  it('trusts a custom CA', async () => {
    expect((await transport({ tls: { ca: cert } }).request({ method: 'GET', path: '/' })).body).toBe('secure');
  });

  it('opens a fresh connection with the same TLS settings as the pool', async () => {
    const strict = await transport().request({ method: 'GET', path: '/', freshConnection: true }).catch((error: unknown) => error);
    expect(strict).toBeInstanceOf(GatewayUnreachableError);
    expect((strict as Error).message).toMatch(/TLS handshake .* "ca" option/);
    expect((await transport({ tls: { ca: cert } }).request({ method: 'GET', path: '/', freshConnection: true })).body).toBe('secure');
  });

  it('accepts any certificate when verification is turned off', async () => {
    expect((await transport({ tls: { rejectUnauthorized: false } }).request({ method: 'GET', path: '/' })).body).toBe('secure');
  });
});
