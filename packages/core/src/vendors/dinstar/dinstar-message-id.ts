/**
 * Message ids the client hands out. `send_sms` returns only a task id per request, so each
 * recipient gets its own `user_id` and the id is `<user_id>|<number>`: `query_sms_result` finds it
 * by `user_id`, and the number guards against another client having reused the user_id.
 * Delivery reports carry no user_id; they are named `<number>#<port>:<ref_id>`.
 */
export function dinstarMessageId(userId: number, number: string): string {
  return `${userId}|${number}`;
}

export function parseDinstarMessageId(messageId: string): { userId: number; number: string } | undefined {
  const match = /^(\d+)\|(.+)$/.exec(messageId.trim());
  if (!match) return undefined;
  const userId = Number(match[1]);
  return Number.isSafeInteger(userId) ? { userId, number: match[2] } : undefined;
}

export function dinstarDeliveryReportId(number: string, port: number, refId: number): string {
  return `${number}#${port}:${refId}`;
}
