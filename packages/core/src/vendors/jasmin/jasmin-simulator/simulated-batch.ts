/** One batch as the simulator tracks it (for assertions). */
export interface SimulatedJasminBatch {
  batchId: string;
  messageCount: number;
  /** Clock time the sendouts start. */
  startsAt: number;
  callbackUrl?: string;
  errbackUrl?: string;
}
