import { SendBatch, batchSends, type SendRequest, type SendResult } from '../../src';

const request = (to: string[], text = 'Outage at 22:00', extra: Partial<SendRequest> = {}): SendRequest => ({ to, text, ...extra });
const resultFor = (to: string): SendResult => ({ to, accepted: true, messageId: `id-${to}`, parts: 1, encoding: 'gsm7', state: 'sent', gateway: 'routesms' });

describe('SendBatch', () => {
  it('merges consecutive requests that differ only in recipients and hands each caller its own results', () => {
    const batches = batchSends([
      { owner: 'a', request: request(['+441']) },
      { owner: 'b', request: request(['+442', '+443']) },
      { owner: 'c', request: request(['+444'], 'Other text') },
      { owner: 'd', request: request(['+445'], 'Other text') },
    ]);
    expect(batches.map((batch) => batch.request.to)).toEqual([['+441', '+442', '+443'], ['+444', '+445']]);
    const split = batches[0]!.split(batches[0]!.request.to.map(resultFor));
    expect(split.get('a')!.map((result) => result.to)).toEqual(['+441']);
    expect(split.get('b')!.map((result) => result.to)).toEqual(['+442', '+443']);
    expect(batches[1]!.callers).toEqual(['c', 'd']);
  });

  it('keeps apart requests with other options, a recipient already in the batch, or too many recipients', () => {
    const batch = new SendBatch('a', request(['+441']), 3);
    expect(batch.tryAdd('b', request(['+442'], 'Outage at 22:00', { flash: true }))).toBe(false);
    expect(batch.tryAdd('b', request(['+441']))).toBe(false);
    expect(batch.tryAdd('b', request(['+442', '+443', '+444']))).toBe(false);
    expect(batch.tryAdd('b', request(['+442', '+443']))).toBe(true);
    expect(batch.request.to).toEqual(['+441', '+442', '+443']);
  });

  it('never merges a request that carries a value per recipient in its vendor options', () => {
    const templated = request(['+441'], 'Hello #param#', { vendorOptions: { textParams: [['Ann']] } });
    const batch = new SendBatch('a', templated);
    expect(batch.tryAdd('b', request(['+442'], 'Hello #param#', { vendorOptions: { textParams: [['Ann']] } }))).toBe(false);
    expect(new SendBatch('a', request(['+441'])).tryAdd('b', templated)).toBe(false);
  });

  it('never merges a request to a contact or group name (one result per member)', () => {
    const batch = new SendBatch('a', request(['+441']));
    expect(batch.tryAdd('b', request(['Night shift']))).toBe(false);
    expect(new SendBatch('a', request(['Night shift'])).tryAdd('b', request(['+442']))).toBe(false);
  });

  it('matches results by number when their count differs from the recipients, and drops none', () => {
    const batch = new SendBatch('a', request(['+441']));
    batch.tryAdd('b', request(['+44 2']));
    const split = batch.split([resultFor('441'), resultFor('442'), resultFor('999')]);
    expect(split.get('a')!.map((result) => result.to)).toEqual(['441', '999']);
    expect(split.get('b')!.map((result) => result.to)).toEqual(['442']);
  });

  it('does not change the requests it was given', () => {
    const first = request(['+441']);
    const batch = new SendBatch('a', first);
    batch.tryAdd('b', request(['+442']));
    expect(first.to).toEqual(['+441']);
  });
});
