/**
 * The parts of Node-RED's runtime API these nodes use, typed here so the package needs no
 * Node-RED types at build time (Node-RED itself is the user's, never a dependency).
 */
export interface NodeStatus {
  fill?: 'red' | 'green' | 'yellow' | 'blue' | 'grey';
  shape?: 'ring' | 'dot';
  text?: string;
}

export type NodeMessage = Record<string, unknown> & { _msgid?: string };

export interface ContextStore {
  get(key: string, store: string | undefined, callback: (error: unknown, value: unknown) => void): void;
  set(key: string, value: unknown, store: string | undefined, callback: (error: unknown) => void): void;
}

export interface NodeRedNode {
  id: string;
  type: string;
  name?: string;
  credentials?: Record<string, string | undefined>;
  status(status: NodeStatus): void;
  send(msg: NodeMessage | (NodeMessage | NodeMessage[] | null)[]): void;
  error(error: unknown, msg?: NodeMessage): void;
  warn(message: unknown): void;
  log(message: unknown): void;
  on(event: 'input', handler: (msg: NodeMessage, send: (msg: NodeMessage | (NodeMessage | null)[]) => void, done: (error?: Error) => void) => void): void;
  on(event: 'close', handler: (removed: boolean, done: () => void) => void): void;
  context(): { global: ContextStore; flow: ContextStore };
}

export interface HttpRequest {
  method: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  originalUrl?: string;
}

export interface HttpResponse {
  status(code: number): HttpResponse;
  set(name: string, value: string): HttpResponse;
  send(body: unknown): void;
  json(body: unknown): void;
}

export type HttpHandler = (req: HttpRequest, res: HttpResponse, next?: () => void) => void;

export interface HttpRouter {
  get(path: string, ...handlers: HttpHandler[]): void;
  post(path: string, ...handlers: HttpHandler[]): void;
  all?(path: string, ...handlers: HttpHandler[]): void;
  _router?: { stack: { route?: { path: string } }[] };
  router?: { stack: { route?: { path: string } }[] };
}

export interface NodeRedRuntime {
  nodes: {
    createNode(node: object, config: object): void;
    registerType(type: string, constructor: Function, options?: { credentials?: Record<string, { type: 'text' | 'password' }> }): void;
    getNode(id: string): unknown;
    getCredentials(id: string): Record<string, string | undefined> | undefined;
  };
  httpAdmin: HttpRouter;
  httpNode: HttpRouter;
  auth: { needsPermission(permission: string): HttpHandler };
  settings: Record<string, unknown>;
  log: { warn(message: string): void; info(message: string): void };
}

/** What a node's config carries besides its own properties. */
export interface NodeConfig {
  id: string;
  type: string;
  name?: string;
  [property: string]: unknown;
}
