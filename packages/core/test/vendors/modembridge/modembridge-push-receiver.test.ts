/** The registry's receiver of bridge pushes: signed by the push secret or refused with 401, whatever form the host hands the body in. */
import { signPushPayload } from '../../../src/vendors/modembridge/modembridge-push-signature';
import { createVendorRegistry } from '../../../src/vendors/registry';

const entry = createVendorRegistry().get('modembridge');
const SECRET = 'push-secret-for-the-receiver';

function envelope(secret = SECRET, event: Record<string, unknown> = {}) {
  const payload = JSON.stringify({
    v: 1,
    id: 'ab12cd34-7',
    kind: 'inbound',
    at: '2026-12-24T18:00:00.000Z',
    inbound: { id: 'ab12cd34-7', from: '+447700900555', text: 'pushed', gateway: 'modembridge' },
    ...event,
  });
  return { payload, signature: signPushPayload(secret, payload) };
}

describe('modembridge push receiver', () => {
  it('takes a signed inbound SMS, given as raw JSON or as an object a framework parsed', () => {
    const body = envelope();
    for (const given of [JSON.stringify(body), body]) {
      const receipt = entry.push!.receive({ method: 'POST', body: given, contentType: 'application/json' }, { pushSecret: SECRET });
      expect(receipt.answer.status).toBe(200);
      expect(receipt.inbound).toEqual([expect.objectContaining({ text: 'pushed', from: '+447700900555', raw: { pushId: 'ab12cd34-7' } })]);
      expect(receipt.error).toBeUndefined();
    }
  });

  it('takes a delivery report', () => {
    const receipt = entry.push!.receive(
      { method: 'POST', body: JSON.stringify(envelope(SECRET, { kind: 'status', inbound: undefined, status: { state: 'delivered', messageId: '1.x-1', rawStatus: 0, gateway: 'modembridge' } })) },
      { pushSecret: SECRET },
    );
    expect(receipt.statuses).toEqual([expect.objectContaining({ state: 'delivered', messageId: '1.x-1' })]);
  });

  it.each([
    ['another secret', { pushSecret: 'not-the-push-secret' }],
    ['no push secret in the connection', {}],
  ])('refuses a push with 401 and takes nothing: %s', (_case, settings) => {
    const receipt = entry.push!.receive({ method: 'POST', body: JSON.stringify(envelope()) }, settings);
    expect(receipt.answer).toMatchObject({ status: 401, body: 'Unauthorized' });
    expect(receipt.inbound).toEqual([]);
    expect(receipt.error?.message).toMatch(/push secret/i);
    expect(JSON.stringify(receipt)).not.toContain(SECRET);
  });

  it('refuses a payload changed after signing', () => {
    const body = envelope();
    const tampered = { ...body, payload: body.payload.replace('pushed', 'forged') };
    expect(entry.push!.receive({ method: 'POST', body: tampered }, { pushSecret: SECRET }).answer.status).toBe(401);
  });

  it('answers 400 to a call that is not a bridge push', () => {
    const receipt = entry.push!.receive({ method: 'POST', body: 'a=1' }, { pushSecret: SECRET });
    expect(receipt.answer.status).toBe(400);
    expect(receipt.inbound).toEqual([]);
  });
});
