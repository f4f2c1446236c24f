/**
 * One HTTP exchange with a gateway. Clients build requests; the transport (undici pool per origin
 * in production, anything in tests) moves them. Bodies are small text (JSON, XML, form, lines).
 */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the gateway's base URL, e.g. `/http/send-message`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  body?: string;
  /** Overrides the transport's whole-request timeout for this call. */
  timeoutMs?: number;
  /** Whether repeating this request cannot cause a second send (reads, status queries). */
  idempotent?: boolean;
  /**
   * Send on a new connection that is closed afterwards — for vendors that want a retry off the
   * pooled socket (default false: the transport's keep-alive pool).
   */
  freshConnection?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface TlsOptions {
  /** Verify the gateway's certificate (default true). LAN boxes with self-signed certificates may opt out. */
  rejectUnauthorized?: boolean;
  /** PEM of a custom CA to trust instead. */
  ca?: string;
}

export interface HttpTransportOptions {
  /** `http(s)://host:port[/prefix]`. */
  baseUrl: string;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  tls?: TlsOptions;
  /** Values to scrub from every error message and detail (passwords, tokens). */
  secrets?: string[];
}

export interface HttpTransport {
  request(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}
