import type { PushDescriptor } from '../contract/push-descriptor';
import { receiveModembridgePush } from './modembridge-push-receiver';

/** What a modem bridge pushes: inbound SMS and delivery reports, signed with the push secret, to the URLs it was started with. */
export const MODEMBRIDGE_PUSH: PushDescriptor = {
  carries: ['inbound', 'status'],
  methods: ['POST'],
  receive: (call, settings) => receiveModembridgePush(call, settings),
  setup: {
    how: 'gateway-ui',
    instructions: (url) =>
      `Start the bridge with --push ${url} --push-secret <secret> (repeat --push for several receivers) and give this connection the same Push Secret; ` +
      'the bridge keeps what it could not push in its journal and tries again until the receiver answers 2xx.',
  },
};
