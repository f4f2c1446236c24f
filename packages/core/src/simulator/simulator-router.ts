import type { SimulatorReply, SimulatorRequest } from './simulator-request';

export type SimulatorHandler = (request: SimulatorRequest) => SimulatorReply | Promise<SimulatorReply>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: SimulatorHandler;
}

/**
 * Method + path routing for simulators. Paths are literal or carry `:name` segments
 * (`/api/:command`); `*` as method matches any. First match wins, in registration order.
 */
export class SimulatorRouter {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: SimulatorHandler): this {
    const names: string[] = [];
    const source = path
      .split('/')
      .map((segment) => {
        if (segment.startsWith(':')) {
          names.push(segment.slice(1));
          return '([^/]+)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method: method.toUpperCase(), pattern: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  /** The handler for a request and the path parameters it captured, or undefined (→ 404). */
  match(method: string, path: string): { handler: SimulatorHandler; params: Record<string, string>; methodAllowed: boolean } | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      pathMatched = true;
      if (route.method !== '*' && route.method !== method.toUpperCase()) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1]!);
      });
      return { handler: route.handler, params, methodAllowed: true };
    }
    return pathMatched ? { handler: () => ({ status: 405, body: '' }), params: {}, methodAllowed: false } : undefined;
  }
}
