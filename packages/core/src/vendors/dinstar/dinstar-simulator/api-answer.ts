/** What an endpoint answers: the `error_code` and the fields after it (the simulator adds `sn`). */
export interface ApiAnswer {
  errorCode: number;
  fields: Record<string, unknown>;
}

export function answer(errorCode: number, fields: Record<string, unknown> = {}): ApiAnswer {
  return { errorCode, fields };
}
