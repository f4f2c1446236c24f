import * as routesms from '../../../src/vendors/routesms';

const { parseRoutesmsDeliveryReport, receiveRoutesmsDlr, routesmsDateToIso, ROUTESMS_DLR_STATES } = routesms;

const push = {
  sSender: 'ACME',
  sMobileNo: '919898123456',
  sStatus: 'DELIVRD',
  dtSubmit: '2026-03-03 10:15:00',
  dtDone: '2026-03-03 10:15:07',
  sMessageId: 'b1e6a7a4-1f0e-4c1e-9d33-0d4f7b3b5a01',
  iCostPerSms: '0.05',
  iCharge: '0.10',
  iMCCMNC: '40410',
  iErrCode: '000',
};

describe('Route Mobile delivery reports', () => {
  it('maps a form POST to a DeliveryStatus', () => {
    const receipt = receiveRoutesmsDlr({ method: 'POST', body: new URLSearchParams(push).toString(), contentType: 'application/x-www-form-urlencoded' });
    expect(receipt.answer.status).toBe(200);
    expect(receipt.status).toEqual({
      state: 'delivered',
      messageId: push.sMessageId,
      to: '919898123456',
      rawStatus: 'DELIVRD',
      at: '2026-03-03T10:15:07',
      gateway: 'routesms',
      raw: push,
    });
  });

  it('maps every documented sStatus', () => {
    expect(ROUTESMS_DLR_STATES).toEqual({
      UNKNOWN: 'unknown',
      ACKED: 'sent',
      ENROUTE: 'sent',
      ACCEPTED: 'sent',
      DELIVRD: 'delivered',
      EXPIRED: 'expired',
      DELETED: 'failed',
      UNDELIV: 'failed',
      REJECTD: 'failed',
    });
    for (const [word, state] of Object.entries(ROUTESMS_DLR_STATES)) {
      expect(parseRoutesmsDeliveryReport({ ...push, sStatus: word }).state).toBe(state);
    }
    expect(parseRoutesmsDeliveryReport({ ...push, sStatus: 'SOMETHING' }).state).toBe('unknown');
  });

  it('keeps a non-zero iErrCode', () => {
    expect(parseRoutesmsDeliveryReport({ ...push, sStatus: 'UNDELIV', iErrCode: '034' }).errorCode).toBe('034');
    expect(parseRoutesmsDeliveryReport(push).errorCode).toBeUndefined();
  });

  it('accepts GET query, JSON and parsed objects alike', () => {
    expect(receiveRoutesmsDlr({ method: 'GET', query: `?${new URLSearchParams(push)}` }).status?.state).toBe('delivered');
    expect(receiveRoutesmsDlr({ method: 'POST', body: JSON.stringify(push), contentType: 'application/json' }).status?.state).toBe('delivered');
    expect(receiveRoutesmsDlr({ method: 'POST', body: { ...push, sStatus: ['EXPIRED'] } }).status?.state).toBe('expired');
  });

  it('answers 400 and says why when the push is not a DLR', () => {
    const receipt = receiveRoutesmsDlr({ method: 'POST', body: 'hello=world' });
    expect(receipt.answer.status).toBe(400);
    expect(receipt.error?.code).toBe('SMSB_INVALID_REQUEST');
    expect(receiveRoutesmsDlr({ method: 'POST', body: '{"broken', contentType: 'application/json' }).answer.status).toBe(400);
  });

  it('converts dates with a known zone, keeps them local without one', () => {
    expect(routesmsDateToIso('2026-03-03 10:15:07', 'Asia/Kolkata')).toBe('2026-03-03T04:45:07.000Z');
    expect(routesmsDateToIso('2026-07-01 10:00:00', 'Europe/Paris')).toBe('2026-07-01T08:00:00.000Z');
    expect(routesmsDateToIso('2026-03-03 9:05:07')).toBe('2026-03-03T09:05:07');
    expect(routesmsDateToIso('garbage')).toBeUndefined();
    expect(parseRoutesmsDeliveryReport(push, { timeZone: 'Asia/Kolkata' }).at).toBe('2026-03-03T04:45:07.000Z');
  });
});
