import { InvalidRequestError } from '../../src/errors';
import type { DeliveryStatus } from '../../src/model';
import { StatusJournal } from '../../src/reports/status-journal';

const status = (messageId: string, state: DeliveryStatus['state'] = 'delivered'): DeliveryStatus => ({ state, messageId, rawStatus: 0, gateway: 'modem' });

it('hands each source\'s statuses out after a position, once per content, bounded', () => {
  const journal = new StatusJournal(3);
  const empty = journal.read('a');
  expect(empty.statuses).toEqual([]);
  journal.record('a', status('1'));
  journal.record('a', status('1'));
  journal.record('b', status('x'));
  const first = journal.read('a', empty.position);
  expect(first.statuses.map((s) => s.messageId)).toEqual(['1']);
  expect(journal.read('a', first.position).statuses).toEqual([]);
  for (const id of ['2', '3', '4', '5']) journal.record('a', status(id));
  // Capacity 3: the oldest are gone; a reader far behind gets what is kept.
  expect(journal.read('a', first.position).statuses.map((s) => s.messageId)).toEqual(['3', '4', '5']);
  expect(journal.read('b').statuses.map((s) => s.messageId)).toEqual(['x']);
});

it('reads everything kept for a position of another instance (a restarted host), and refuses what is not a position', () => {
  const before = new StatusJournal();
  before.record('a', status('old'));
  const position = before.read('a').position;
  const after = new StatusJournal();
  after.record('a', status('new'));
  expect(after.read('a', position).statuses.map((s) => s.messageId)).toEqual(['new']);
  expect(() => after.read('a', 'not a position')).toThrow(InvalidRequestError);
});
