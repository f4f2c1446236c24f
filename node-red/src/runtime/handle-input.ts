import { SmsNodeError } from './node-error';
import type { NodeMessage, NodeRedNode } from './node-red-api';

/** Node-RED's input convention for one async handler: `done()` when it resolves, `done(err)` (typed, for Catch nodes) when it fails. */
export function handleInput(node: NodeRedNode, handle: (msg: NodeMessage, send: (msg: NodeMessage) => void) => Promise<void>): void {
  node.on('input', (msg, send, done) => {
    handle(msg, send).then(
      () => done(),
      (error: unknown) => done(new SmsNodeError(error)),
    );
  });
}
