/** The bridge over HTTPS with a self-signed certificate made by openssl: trusted by its PEM, refused without it. */
import { GatewayUnreachableError } from '../../src/errors';
import { BridgeFixture } from './bridge-fixture';
import { selfSignedCertificate } from './self-signed-certificate';

jest.setTimeout(60_000);

describe('modem bridge over TLS', () => {
  const certificate = selfSignedCertificate();
  const fixture = new BridgeFixture();

  beforeAll(async () => {
    await fixture.start();
    await fixture.startBridge({ tls: { cert: certificate.cert, key: certificate.key } });
  });

  afterAll(async () => {
    await fixture.stop();
    certificate.remove();
  });

  it('serves https on 127.0.0.1 only', () => {
    expect(fixture.bridge!.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('sends when the client trusts the bridge certificate (custom CA)', async () => {
    const client = fixture.client({ ca: certificate.cert });
    await expect(client.verify()).resolves.toMatchObject({ status: 'verified' });
    await expect(client.send({ to: ['+447700900123'], text: 'over TLS' })).resolves.toMatchObject([{ accepted: true, state: 'sent' }]);
    expect(fixture.pty.modem.submitted).toHaveLength(1);
  });

  it('refuses the self-signed certificate by default, sending nothing', async () => {
    const client = fixture.client();
    const error = await client.send({ to: ['+447700900123'], text: 'not trusted' }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(GatewayUnreachableError);
    expect(error).toMatchObject({ outcome: 'not-sent' });
    expect(fixture.pty.modem.submitted).toHaveLength(1);
  });

  it('works with "Ignore TLS Certificate Errors"', async () => {
    await expect(fixture.client({ allowUnauthorizedCerts: true }).verify()).resolves.toMatchObject({ status: 'verified' });
  });
});
