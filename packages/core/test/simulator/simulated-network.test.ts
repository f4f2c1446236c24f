import { SimulatedNetwork, type SimulatedMessageState } from '../../src/simulator';
import { ManualClock } from '../../src/testing/manual-clock';

describe('SimulatedNetwork', () => {
  let clock: ManualClock;
  let network: SimulatedNetwork;
  let ids: number;

  beforeEach(() => {
    clock = new ManualClock();
    ids = 0;
    network = new SimulatedNetwork({ clock, sendDelayMs: 10, deliveryDelayMs: 100, ussdDelayMs: 5, newId: () => `id-${++ids}` });
  });
  afterEach(() => network.close());

  const states = (id: string) => network.get(id)!.history.map((entry) => entry.state);

  it('counts and lists the queue as messages come and go, per channel and in submit order', () => {
    network.pause('gsm-1');
    const a = network.submit({ to: '+447700900123', text: 'a', channel: 'gsm-1' });
    const b = network.submit({ to: '+447700900124', text: 'b', channel: 'gsm-2' });
    const c = network.submit({ to: '+447700900125', text: 'c', channel: 'gsm-1' });
    expect([network.queuedCount(), network.queuedCount('gsm-1'), network.queuedCount('gsm-2'), network.queuedCount('gsm-3')]).toEqual([3, 2, 1, 0]);
    expect(network.queued()).toEqual([a, b, c]);
    clock.advance(10);
    expect(network.queued()).toEqual([a, c]);
    expect(network.queuedCount()).toBe(2);
    network.cancel(a.id);
    expect(network.queued('gsm-1')).toEqual([c]);
    expect(network.queuedCount('gsm-1')).toBe(1);
    network.resume('gsm-1');
    clock.advance(10);
    expect(network.queuedCount()).toBe(0);
    expect(network.queued()).toEqual([]);
    // A resubmitted id replaces the message in the queue rather than counting twice.
    network.pause();
    network.submit({ to: '+447700900126', text: 'd', id: 'same' });
    const again = network.submit({ to: '+447700900126', text: 'd2', id: 'same' });
    expect(network.queued()).toEqual([again]);
  });

  it('keeps only the last maxFinishedMessages finished messages, never a queued or sent one', () => {
    const small = new SimulatedNetwork({ clock, sendDelayMs: 10, deliveryDelayMs: 100, maxFinishedMessages: 3, newId: () => `m-${++ids}` });
    try {
      const first = Array.from({ length: 5 }, (_, index) => small.submit({ to: `+44770090012${index}`, text: 'x' }));
      clock.advance(10);
      // Sent, not finished: every one still answers a status lookup.
      expect(first.every((message) => small.get(message.id) === message)).toBe(true);
      clock.advance(100);
      expect(first.map((message) => small.get(message.id)?.state)).toEqual([undefined, undefined, 'delivered', 'delivered', 'delivered']);
      small.pause();
      const held = small.submit({ to: '+447700900130', text: 'held' });
      const later = Array.from({ length: 3 }, (_, index) => small.submit({ to: `+44770090014${index}`, text: 'y' }));
      later.forEach((message) => small.cancel(message.id));
      expect(small.messages.size).toBe(4);
      expect(small.get(held.id)).toBe(held);
      expect(later.every((message) => small.get(message.id) === message)).toBe(true);
      expect(first.every((message) => small.get(message.id) === undefined)).toBe(true);
    } finally {
      small.close();
    }
  });

  it('stays flat over many messages with the default history', () => {
    // Fires every timer in the order set, at once: ManualClock's sorted scan is too slow for 60,000 messages.
    const due: (() => void)[] = [];
    const instant = { now: () => 0, setTimeout: (fn: () => void) => due.push(fn), clearTimeout: () => undefined };
    const flush = () => {
      for (let index = 0; index < due.length; index += 1) due[index]!();
      due.length = 0;
    };
    const busy = new SimulatedNetwork({ clock: instant, newId: () => `b-${++ids}` });
    try {
      let last;
      for (let index = 0; index < 60_000; index += 1) {
        last = busy.submit({ to: '+447700900123', text: 'x' });
        if (index % 1_000 === 999) flush();
      }
      expect(busy.messages.size).toBe(50_000);
      expect(busy.get(last!.id)?.state).toBe('delivered');
      expect(busy.get('b-1')).toBeUndefined();
      expect(busy.queuedCount()).toBe(0);
    } finally {
      busy.close();
    }
  });

  it('moves a message queued → sent → delivered on the clock and emits each change', () => {
    const seen: [SimulatedMessageState, SimulatedMessageState][] = [];
    network.on('status', (message, previous) => seen.push([previous, message.state]));
    const message = network.submit({ to: '+447700900123', text: 'x' });
    expect(message.id).toBe('id-1');
    clock.advance(9);
    expect(message.state).toBe('queued');
    clock.advance(1);
    expect(message.state).toBe('sent');
    clock.advance(100);
    expect(message.state).toBe('delivered');
    expect(seen).toEqual([
      ['queued', 'sent'],
      ['sent', 'delivered'],
    ]);
    expect(message.history.map((entry) => entry.at - message.submittedAt)).toEqual([0, 10, 110]);
  });

  it('fails, undelivers and expires by destination rule', () => {
    const failing = network.submit({ to: '+44 7700 900666', text: 'x' });
    const undelivered = network.submit({ to: '+447700900999', text: 'x' });
    const expired = network.submit({ to: '+447700900888', text: 'x' });
    clock.advance(200);
    expect(states(failing.id)).toEqual(['queued', 'failed']);
    expect(failing.errorCode).toBe('send-failed');
    expect(states(undelivered.id)).toEqual(['queued', 'sent', 'failed']);
    expect(states(expired.id)).toEqual(['queued', 'sent', 'expired']);
  });

  it('holds messages of a paused channel (or all channels) until resumed', () => {
    network.pause('gsm-1');
    const held = network.submit({ to: '+447700900123', text: 'x', channel: 'gsm-1' });
    const free = network.submit({ to: '+447700900124', text: 'x', channel: 'gsm-2' });
    clock.advance(1000);
    expect([held.state, free.state]).toEqual(['queued', 'delivered']);
    expect(network.queued('gsm-1')).toEqual([held]);
    network.pause();
    network.resume('gsm-1');
    clock.advance(1000);
    expect(held.state).toBe('queued');
    network.resume();
    clock.advance(1000);
    expect(held.state).toBe('delivered');
  });

  it('keeps a message queued when its channel is paused while the send timer runs', () => {
    const message = network.submit({ to: '+447700900123', text: 'x', channel: 'a' });
    clock.advance(5);
    network.pause('a');
    clock.advance(100);
    expect(message.state).toBe('queued');
    network.resume('a');
    clock.advance(10);
    expect(message.state).toBe('sent');
  });

  it('expires messages that outlived their validity in the queue, and honours notBefore', () => {
    network.pause();
    const short = network.submit({ to: '+447700900123', text: 'x', validityMs: 50 });
    const later = network.submit({ to: '+447700900124', text: 'x', notBefore: clock.now() + 5_000 });
    clock.advance(100);
    network.resume();
    clock.advance(10);
    expect(short.state).toBe('expired');
    expect(later.state).toBe('queued');
    clock.advance(5_000);
    expect(later.state).not.toBe('queued');
  });

  it('keeps a message scheduled 60 days ahead queued after 30 days and sends it at day 60', () => {
    const day = 24 * 60 * 60 * 1000;
    const scheduled = network.submit({ to: '+447700900123', text: 'x', notBefore: clock.now() + 60 * day });
    clock.advance(30 * day);
    expect(scheduled.state).toBe('queued');
    clock.advance(30 * day - 1);
    expect(scheduled.state).toBe('queued');
    clock.advance(1);
    expect(scheduled.state).toBe('sent');
    expect(scheduled.sentAt).toBe(scheduled.submittedAt + 60 * day);
    clock.advance(100);
    expect(scheduled.state).toBe('delivered');
  });

  it('lets a scheduled message 60 days ahead be cancelled, and close() drops its timer', () => {
    const day = 24 * 60 * 60 * 1000;
    const cancelled = network.submit({ to: '+447700900123', text: 'x', notBefore: clock.now() + 60 * day });
    const open = network.submit({ to: '+447700900124', text: 'x', notBefore: clock.now() + 60 * day });
    clock.advance(30 * day);
    expect(network.cancel(cancelled.id)).toBe(true);
    network.close();
    expect(clock.pendingTimers).toBe(0);
    clock.advance(60 * day);
    expect([cancelled.state, open.state]).toEqual(['cancelled', 'queued']);
  });

  it('cancels only queued messages', () => {
    const message = network.submit({ to: '+447700900123', text: 'x' });
    expect(network.cancel(message.id)).toBe(true);
    expect(message.state).toBe('cancelled');
    clock.advance(1000);
    expect(message.state).toBe('cancelled');
    const sent = network.submit({ to: '+447700900123', text: 'x' });
    clock.advance(10);
    expect(network.cancel(sent.id)).toBe(false);
    expect(network.cancel('nope')).toBe(false);
  });

  it('keeps injected inbound messages until removed', () => {
    const events: string[] = [];
    network.on('inbound', (message) => events.push(message.text));
    const first = network.injectInbound({ from: '+447700900001', text: 'one' });
    network.injectInbound({ from: '+447700900002', text: 'two', sentAt: 5 });
    expect(events).toEqual(['one', 'two']);
    expect(first.sentAt).toBe(first.receivedAt - 7_000);
    expect(network.removeInbound([first.id, 'nope'])).toBe(1);
    expect(network.inbox.map((message) => message.text)).toEqual(['two']);
  });

  it('answers USSD through the responder after a delay, and accepts injected replies', () => {
    const replies: string[] = [];
    network.on('ussd', (session) => replies.push(session.reply!));
    const balance = network.requestUssd('*100#', 'gsm-1');
    expect(balance.state).toBe('pending');
    clock.advance(5);
    expect(balance).toMatchObject({ state: 'replied', awaitingInput: false });
    const menu = network.requestUssd('*123#');
    clock.advance(5);
    expect(menu.awaitingInput).toBe(true);
    const silent = new SimulatedNetwork({ clock, ussdResponder: () => undefined });
    const pending = silent.requestUssd('*999#', 'gsm-2');
    clock.advance(1000);
    expect(pending.state).toBe('pending');
    silent.injectUssdReply('gsm-2', 'Late answer');
    expect(pending).toMatchObject({ state: 'replied', reply: 'Late answer' });
    expect(silent.injectUssdReply('gsm-3', 'Network says hi').code).toBe('');
    silent.close();
    expect(replies.length).toBe(2);
  });

  it('stops moving once closed', () => {
    const message = network.submit({ to: '+447700900123', text: 'x' });
    network.close();
    expect(clock.pendingTimers).toBe(0);
    clock.advance(1000);
    expect(message.state).toBe('queued');
  });
});
