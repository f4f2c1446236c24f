/** n8n's editor REST API as a signed-in user sees it: executions and their run data. */

/** n8n stores run data in the `flatted` format: a list of values in which a string inside an object or array is the index of another value. */
export function unflatten(text: string): unknown {
  const values = JSON.parse(text) as unknown[];
  const revived = new Map<number, unknown>();
  const revive = (index: number): unknown => {
    if (revived.has(index)) return revived.get(index);
    const value = values[index];
    if (value === null || typeof value !== 'object') return value;
    const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
    revived.set(index, copy);
    for (const [key, inner] of Object.entries(value)) (copy as Record<string, unknown>)[key] = typeof inner === 'string' ? revive(Number(inner)) : inner;
    return copy;
  };
  return revive(0);
}

export interface ExecutionSummary {
  id: string;
  status: string;
  workflowId?: string;
}

type RunData = Record<string, { data?: { main?: { json: Record<string, unknown> }[][] } }[]>;

export const OWNER = { email: 'e2e@smsbridge.invalid', firstName: 'SMS', lastName: 'Bridge', password: 'Smsbridge-e2e-1' };

export class N8nRest {
  private cookie = '';

  constructor(readonly baseUrl: string) {}

  /** Creates the owner account on a fresh instance (or signs in where it exists) and keeps the session cookie. */
  async signIn(owner = OWNER): Promise<void> {
    await fetch(`${this.baseUrl}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(owner) });
    const login = await fetch(`${this.baseUrl}/rest/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
    });
    if (login.status !== 200) throw new Error(`n8n login failed: ${login.status} ${await login.text()}`);
    this.cookie = login.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
  }

  async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}/rest${path}`, { headers: { cookie: this.cookie } });
    if (!response.ok) throw new Error(`GET /rest${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
    return ((await response.json()) as { data: T }).data;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/rest${path}`, { method: 'POST', headers: { cookie: this.cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST /rest${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
    return ((await response.json()) as { data: T }).data;
  }

  async executions(workflowId: string): Promise<ExecutionSummary[]> {
    const filter = encodeURIComponent(JSON.stringify({ workflowId }));
    return (await this.get<{ results: ExecutionSummary[] }>(`/executions?filter=${filter}&limit=100`)).results;
  }

  /** The error an execution ended with, as n8n recorded it (undefined when it has none). */
  async executionError(executionId: string): Promise<{ message?: string; description?: string; node?: { name?: string } } | undefined> {
    const { data } = await this.get<{ data: string }>(`/executions/${executionId}`);
    return (unflatten(data) as { resultData: { error?: { message?: string; description?: string; node?: { name?: string } } } }).resultData.error;
  }

  /** The items each node put out in an execution, by node name (first run, first output). */
  async itemsByNode(executionId: string): Promise<Record<string, Record<string, unknown>[]>> {
    const { data } = await this.get<{ data: string }>(`/executions/${executionId}`);
    const runData = (unflatten(data) as { resultData: { runData: RunData } }).resultData.runData;
    return Object.fromEntries(Object.entries(runData).map(([node, runs]) => [node, (runs[0]?.data?.main?.[0] ?? []).map((item) => item.json)]));
  }
}
