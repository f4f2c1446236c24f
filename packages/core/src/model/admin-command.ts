/** An administrative operation on a gateway (pause, resume, port info, server status …) and its result. */
export interface AdminCommandResult {
  command: string;
  ok: boolean;
  /** Parsed result, shaped per command; never contains a secret. */
  data: Record<string, unknown>;
  gateway: string;
}
