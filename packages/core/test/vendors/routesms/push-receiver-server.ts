import { LoopbackPushReceiver, type PushedCall } from '../../../src/cli/demo/loopback-push-receiver';

export interface Answer {
  status: number;
  contentType?: string;
  body: string;
}

/** The demo's loopback receiver answering every path with `answer`, keeping each call it got. */
export class PushReceiverServer {
  readonly calls: PushedCall[] = [];
  url = '';
  private readonly receiver: LoopbackPushReceiver;

  constructor(answer: (call: PushedCall) => Answer) {
    this.receiver = new LoopbackPushReceiver({}, (call) => {
      this.calls.push(call);
      const reply = answer(call);
      return { status: reply.status, contentType: reply.contentType ?? 'text/plain', body: reply.body };
    });
  }

  /** Starts listening; returns (and keeps in `url`) the URL of `path` to hand to a simulator. */
  async start(path = '/dlr'): Promise<string> {
    await this.receiver.start();
    this.url = this.receiver.url(path);
    return this.url;
  }

  stop(): Promise<void> {
    return this.receiver.stop();
  }
}

/** Polls `check` until it is true, at most `tries` times, yielding to the event loop between tries. */
export async function eventually(check: () => boolean, tries = 400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not reached');
}
