import * as jasmin from '../../../src/vendors/jasmin';

const { receiveJasminDlr, receiveJasminBatchCallback, parseJasminDeliveryReport, JASMIN_DLR_ACK } = jasmin;
const ID = 'f7a4e5a0-3c3b-4c59-b8d6-2a8f5f8c9e11';

describe('Jasmin DLR receiver', () => {
  it('acknowledges with exactly ACK/Jasmin and 200', () => {
    const receipt = receiveJasminDlr({ method: 'POST', body: `id=${ID}&message_status=ESME_ROK&level=1&connector=smppc1`, contentType: 'application/x-www-form-urlencoded' });
    expect(receipt.answer).toEqual({ status: 200, contentType: 'text/plain', body: 'ACK/Jasmin' });
    expect(JASMIN_DLR_ACK).toBe('ACK/Jasmin');
    expect(receipt.status).toEqual({
      state: 'sent',
      messageId: ID,
      rawStatus: 'ESME_ROK',
      gateway: 'jasmin',
      raw: { id: ID, message_status: 'ESME_ROK', level: 1, connector: 'smppc1' },
    });
  });

  it('reads level 1 refusals as failed', () => {
    expect(parseJasminDeliveryReport({ id: ID, message_status: 'ESME_RINVDSTADR', level: '1' })).toMatchObject({ state: 'failed', errorCode: 'ESME_RINVDSTADR' });
  });

  it('reads level 2/3 receipts from a GET query', () => {
    const query = new URLSearchParams({
      id: ID,
      message_status: 'DELIVRD',
      level: '3',
      connector: 'smppc1',
      id_smsc: '1a2b3c',
      sub: '001',
      dlvrd: '001',
      subdate: '2601151030',
      donedate: '260115103107',
      err: '000',
      text: 'Hello',
    });
    const receipt = receiveJasminDlr({ method: 'GET', query: `?${query}` });
    expect(receipt.answer.body).toBe('ACK/Jasmin');
    expect(receipt.status).toMatchObject({ state: 'delivered', rawStatus: 'DELIVRD', at: '2026-01-15T10:31:07', raw: { level: 3, id_smsc: '1a2b3c', text: 'Hello' } });
    expect(receipt.status).not.toHaveProperty('errorCode');
  });

  it.each([
    ['DELIVRD', 'delivered'],
    ['EXPIRED', 'expired'],
    ['DELETED', 'failed'],
    ['UNDELIV', 'failed'],
    ['ACCEPTD', 'sent'],
    ['UNKNOWN', 'unknown'],
    ['REJECTD', 'failed'],
  ])('maps %s to %s', (status, state) => {
    expect(parseJasminDeliveryReport({ id: ID, message_status: status, level: '2' }).state).toBe(state);
  });

  it('keeps a receipt error code', () => {
    expect(parseJasminDeliveryReport({ id: ID, message_status: 'UNDELIV', level: '2', err: '034' }).errorCode).toBe('034');
  });

  it('does not acknowledge what it cannot read, so Jasmin tries again', () => {
    const receipt = receiveJasminDlr({ method: 'POST', body: 'level=1' });
    expect(receipt.answer.status).toBe(400);
    expect(receipt.answer.body).not.toBe('ACK/Jasmin');
    expect(receipt.error?.code).toBe('SMSB_INVALID_REQUEST');
  });
});

describe('Jasmin batch callbacks', () => {
  it('reads a success callback and its message id', () => {
    const receipt = receiveJasminBatchCallback({
      method: 'GET',
      query: `batchId=50a4581a-6e46-48a4-b617-bbefe7faa3dc&to=1234567890&status=1&statusText=${encodeURIComponent(`Success "${ID}"`)}`,
    });
    expect(receipt.event).toEqual({ batchId: '50a4581a-6e46-48a4-b617-bbefe7faa3dc', to: '1234567890', succeeded: true, messageId: ID, statusText: `Success "${ID}"` });
    expect(receipt.answer.status).toBe(200);
  });

  it('reads an errback', () => {
    const receipt = receiveJasminBatchCallback({ query: { batchId: 'b', to: '1', status: '0', statusText: 'HTTPAPI error: Error "No route found' } });
    expect(receipt.event).toEqual({ batchId: 'b', to: '1', succeeded: false, statusText: 'HTTPAPI error: Error "No route found' });
  });

  it('refuses what is not a batch callback', () => {
    expect(receiveJasminBatchCallback({ query: 'batchId=b&to=1&status=7' }).answer.status).toBe(400);
  });
});
