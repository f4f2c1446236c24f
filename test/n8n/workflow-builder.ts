/** Builds n8n workflow JSON for `n8n import:workflow`: a Manual Trigger and branches of nodes hanging off it. */
export interface WorkflowNode {
  name: string;
  type: string;
  parameters: Record<string, unknown>;
  credentials?: Record<string, { id: string; name: string }>;
  onError?: 'continueRegularOutput' | 'stopWorkflow';
  typeVersion?: number;
  /** Webhook nodes: the id in their production URL (/webhook/<webhookId>/<path>). */
  webhookId?: string;
}

export const PACKAGE = 'n8n-nodes-smsbridge';
export const TRIGGER = 'Start';

/** n8n's own Webhook node (POST), answering when called or with the last node's first item. */
export function webhookNode(name: string, path: string, webhookId: string, responseMode: 'onReceived' | 'lastNode' = 'onReceived'): WorkflowNode {
  return { name, type: 'n8n-nodes-base.webhook', typeVersion: 2, parameters: { httpMethod: 'POST', path, responseMode, options: {} }, webhookId };
}

export class WorkflowBuilder {
  private readonly nodes: (WorkflowNode & { id: string; position: [number, number]; typeVersion: number })[] = [];
  private readonly connections: Record<string, { main: { node: string; type: 'main'; index: number }[][] }> = {};
  private row = 0;

  constructor(
    readonly id: string,
    readonly name: string,
    trigger: WorkflowNode = { name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', parameters: {} },
  ) {
    this.add(trigger);
  }

  /** Adds `node` after `after` (default the trigger), returns its name. */
  add(node: WorkflowNode, after?: string): string {
    const index = this.nodes.length;
    this.nodes.push({ typeVersion: 1, ...node, id: `${this.id}-${index}`, position: [after ? 400 : 0, (this.row++) * 120] });
    if (index > 0) {
      const from = after ?? this.nodes[0]!.name;
      this.connections[from] ??= { main: [[]] };
      this.connections[from].main[0]!.push({ node: node.name, type: 'main', index: 0 });
    }
    return node.name;
  }

  /** Another trigger of the same workflow (n8n starts one execution per trigger event). */
  addTrigger(node: WorkflowNode): string {
    this.nodes.push({ typeVersion: 1, ...node, id: `${this.id}-${this.nodes.length}`, position: [0, (this.row++) * 120] });
    return node.name;
  }

  /** Items from a JSON list: a Set node making `{ rows: [...] }` and a Split Out node. */
  addItems(name: string, rows: Record<string, unknown>[], after?: string): string {
    const set = this.add(
      { name: `${name} rows`, type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'raw', jsonOutput: JSON.stringify({ rows }), options: {} } },
      after,
    );
    return this.add({ name, type: 'n8n-nodes-base.splitOut', parameters: { fieldToSplitOut: 'rows', options: {} } }, set);
  }

  toJSON(): object {
    return { id: this.id, name: this.name, active: false, nodes: this.nodes, connections: this.connections, settings: { executionOrder: 'v1' }, pinData: {} };
  }
}
