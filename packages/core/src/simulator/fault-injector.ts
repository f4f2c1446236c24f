/**
 * Kinds of misbehaviour a simulator can be told to show:
 * - `latency`: answer normally after `delayMs` (through the simulator's Clock);
 * - `http-status` (and the `http-500`/`http-502`/`http-503` shortcuts): answer that status with
 *   `body` (default empty) without running the handler;
 * - `html-error-page`: a proxy-style HTML page with `status` (default 502);
 * - `drop-connection`: destroy the socket without a byte of answer; with `afterHandling` the
 *   handler runs first (the gateway acted, the answer was lost);
 * - `no-answer`: run the handler (the gateway acted), then never answer: the client times out;
 * - `reset-mid-body`: run the handler, send headers and half the body, then destroy the socket;
 * - `truncated-body`: run the handler, send a well-formed HTTP answer whose body is cut in half;
 * - `malformed-body`: run the handler, replace its body with `body` (default garbage);
 * - `auth-refused`: refuse the credentials the way the vendor does, whatever they are.
 */
export type FaultKind =
  | 'latency'
  | 'http-status'
  | 'http-500'
  | 'http-502'
  | 'http-503'
  | 'html-error-page'
  | 'drop-connection'
  | 'no-answer'
  | 'reset-mid-body'
  | 'truncated-body'
  | 'malformed-body'
  | 'auth-refused';

export interface FaultSpec {
  kind: FaultKind;
  /** How many matching requests it affects (default 1; `Infinity` until cleared). */
  count?: number;
  /** Only requests whose path starts with this (string) or matches it (RegExp). */
  path?: string | RegExp;
  method?: string;
  /** `latency` delay. */
  delayMs?: number;
  /** `http-status` / `html-error-page` status. */
  status?: number;
  /** `http-status`: extra response headers (e.g. `retry-after` with a 429). */
  headers?: Record<string, string>;
  /** `http-status` / `malformed-body` body. */
  body?: string;
  /** `drop-connection`: let the handler act before the connection is dropped. */
  afterHandling?: boolean;
}

/** A fault as it is being consumed. */
export interface ActiveFault extends FaultSpec {
  readonly id: number;
  remaining: number;
}

/**
 * The fault list of one simulator. Tests add faults, the server takes the first matching one for
 * each request (latency combines with the fault that follows it).
 */
export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;
  /** Every fault that fired, in order (for assertions). */
  readonly fired: { id: number; kind: FaultKind; method: string; path: string }[] = [];

  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = { ...spec, id: this.nextId++, remaining: spec.count ?? 1 };
    this.faults.push(fault);
    return fault;
  }

  /** Removes one fault (by the object `add` returned) or, without argument, all of them. */
  clear(fault?: ActiveFault): void {
    this.faults = fault ? this.faults.filter((candidate) => candidate.id !== fault.id) : [];
  }

  get pending(): readonly ActiveFault[] {
    return this.faults;
  }

  /** Consumes and returns the latency fault and the other fault that apply to this request. */
  take(method: string, path: string): { latency?: ActiveFault; fault?: ActiveFault } {
    const taken: { latency?: ActiveFault; fault?: ActiveFault } = {};
    for (const fault of this.faults) {
      if (!this.matches(fault, method, path)) continue;
      const slot = fault.kind === 'latency' ? 'latency' : 'fault';
      if (taken[slot]) continue;
      taken[slot] = fault;
      fault.remaining -= 1;
      this.fired.push({ id: fault.id, kind: fault.kind, method, path });
    }
    this.faults = this.faults.filter((fault) => fault.remaining > 0);
    return taken;
  }

  private matches(fault: ActiveFault, method: string, path: string): boolean {
    if (fault.remaining <= 0) return false;
    if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
    if (fault.path === undefined) return true;
    return typeof fault.path === 'string' ? path.startsWith(fault.path) : fault.path.test(path);
  }
}
