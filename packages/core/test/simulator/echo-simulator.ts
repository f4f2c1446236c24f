import { SimulatorServer, jsonReply, type SimulatorOptions, type SimulatorReply } from '../../src/simulator';
import type { GatewayKey } from '../../src/vendors/gateway-client';

/** A minimal simulator for testing the framework: echoes what it received. */
export class EchoSimulator extends SimulatorServer {
  readonly gateway: GatewayKey = 'diafaan';

  constructor(options: SimulatorOptions = {}) {
    super(options, [{ username: 'echo', password: 'S3cret-Pa55' }]);
    this.router.add('*', '/echo', (request) => jsonReply({ method: request.method, path: request.path, query: request.query, form: request.form, body: request.body }));
    this.router.add('GET', '/items/:id', (request) => jsonReply({ id: request.params['id'] }));
    this.router.add('POST', '/send', (request) => {
      const message = this.network.submit({ to: request.query['to'] ?? '', text: request.query['text'] ?? '' });
      return jsonReply({ id: message.id });
    });
    this.router.add('*', '/hang', () => new Promise<SimulatorReply>(() => undefined));
  }

  protected authRefusedReply(): SimulatorReply {
    return jsonReply({ error: 'auth' }, 401);
  }
}
