/**
 * The n8n nodes inside a real n8n 2.41.1 (installed by scripts/ensure-n8n.sh into a cache outside
 * the repository), loaded as a community package from `npm pack` tarballs, with credentials and
 * workflows imported by n8n's own CLI and run by `n8n execute`. Every node × every gateway that
 * has the operation runs against the simulators and a virtual modem on a pseudo-terminal; the
 * results are read from n8n's JSON output and checked at the simulators.
 */
import type { GatewayKey } from '@smsbridge/core';
import { closedPort, E2eFixture, registry } from './e2e-fixture';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { N8nInstance, type NodeRun } from './n8n-instance';
import { PACKAGE, WorkflowBuilder } from './workflow-builder';

jest.setTimeout(600_000);

const fixture = new E2eFixture();
const keys = registry.keys();
const has = (operation: string): GatewayKey[] => keys.filter((key) => (registry.get(key).capabilities.operations as readonly string[]).includes(operation));
const credentialsOf = (gateway: GatewayKey, id = `cred-${gateway}`) => ({ [fixture.credential(gateway, id).type]: { id, name: fixture.credential(gateway, id).name } });
/** Distinct numbers per gateway and case, so the counts at the simulators belong to one case. */
const number = (gateway: GatewayKey, slot: number): string => `+4477009${String(keys.indexOf(gateway) + 1)}${String(slot).padStart(4, '0')}`;

const digits = (value: unknown): string => String(value).replace(/\D/g, '');
const outputs: string[] = [];
/** Commands that only read and need no argument: safe to run against every simulator. */
const readOnlyCommands = (gateway: GatewayKey): string[] =>
  registry.get(gateway).adminCommands.filter((command) => !command.changesState && command.args.every((arg) => !arg.required)).map((command) => command.name);
let main: Record<string, NodeRun>;

beforeAll(async () => {
  await fixture.start();
  const downPort = await closedPort();
  await fixture.n8n.importCredentials([
    ...keys.map((key) => fixture.credential(key)),
    fixture.credential('jasmin', 'cred-jasmin-wrong', { ...fixture.connection('jasmin'), password: 'not-the-password-3141' }),
    fixture.credential('diafaan', 'cred-diafaan-down', { ...fixture.connection('diafaan'), url: `http://127.0.0.1:${downPort}` }),
  ]);
  fixture.secrets.push('not-the-password-3141');

  const flow = new WorkflowBuilder('smsbridgeMain01', 'smsbridge every node and gateway');
  for (const gateway of has('send')) {
    const send = flow.add({
      name: `Send ${gateway}`,
      type: `${PACKAGE}.smsSend`,
      parameters: {
        gateway,
        to: `${number(gateway, 1)}, ${number(gateway, 2)}`,
        text: `Hello from n8n through ${gateway}`,
        // A modem (here behind the bridge) learns of delivery only from the status report it asked the network for.
        ...(gateway === 'modembridge' ? { options: { statusReport: true } } : {}),
      },
      credentials: credentialsOf(gateway),
    });
    if (has('status').includes(gateway)) {
      flow.add({ name: `Status ${gateway}`, type: `${PACKAGE}.smsStatus`, parameters: { gateway, messageId: '={{ $json.messageId }}' }, credentials: credentialsOf(gateway) }, send);
      flow.add(
        {
          name: `Wait final ${gateway}`,
          type: `${PACKAGE}.smsStatus`,
          parameters: { gateway, messageId: '={{ $json.messageId }}', waitUntilFinal: true, timeoutSeconds: 30, intervalSeconds: 0.2 },
          credentials: credentialsOf(gateway),
        },
        send,
      );
    } else {
      flow.add(
        { name: `Status ${gateway}`, type: `${PACKAGE}.smsStatus`, parameters: { gateway, messageId: '={{ $json.messageId }}' }, credentials: credentialsOf(gateway), onError: 'continueRegularOutput' },
        send,
      );
    }
  }
  for (const gateway of has('ussd')) {
    const dialled = flow.add({ name: `USSD ${gateway}`, type: `${PACKAGE}.smsUssd`, parameters: { gateway, operation: 'ussd', code: '*100#' }, credentials: credentialsOf(gateway) });
    if (has('ussdCancel').includes(gateway)) {
      flow.add({ name: `USSD cancel ${gateway}`, type: `${PACKAGE}.smsUssd`, parameters: { gateway, operation: 'ussdCancel', port: '={{ $json.port ?? "" }}' }, credentials: credentialsOf(gateway) }, dialled);
    }
  }
  // A menu on every gateway that answers menus: open it, answer it, open it again, cancel it
  // (one chain per gateway: one port, in order).
  for (const gateway of has('ussdContinue')) {
    const port = '={{ $json.port ?? "" }}';
    const menu = flow.add({ name: `Menu open ${gateway}`, type: `${PACKAGE}.smsUssd`, parameters: { gateway, operation: 'ussd', code: '*123#' }, credentials: credentialsOf(gateway) });
    const answered = flow.add(
      { name: `Menu answer ${gateway}`, type: `${PACKAGE}.smsUssd`, parameters: { gateway, operation: 'ussdContinue', answer: '1', port }, credentials: credentialsOf(gateway) },
      menu,
    );
    const reopened = flow.add(
      { name: `Menu reopen ${gateway}`, type: `${PACKAGE}.smsUssd`, parameters: { gateway, operation: 'ussd', code: '*123#', port }, credentials: credentialsOf(gateway) },
      answered,
    );
    flow.add({ name: `Menu cancel ${gateway}`, type: `${PACKAGE}.smsUssd`, parameters: { gateway, operation: 'ussdCancel', port }, credentials: credentialsOf(gateway) }, reopened);
  }
  for (const gateway of has('admin')) {
    for (const command of readOnlyCommands(gateway)) {
      flow.add({
        name: `Admin ${gateway} ${command}`,
        type: `${PACKAGE}.smsGatewayAdmin`,
        parameters: { gateway, command },
        credentials: credentialsOf(gateway),
        onError: 'continueRegularOutput',
      });
    }
  }
  const rows = flow.addItems('Batch rows', [{ to: number('jasmin', 11) }, { to: number('jasmin', 12) }, { to: `${number('jasmin', 13)}, ${number('jasmin', 14)}` }]);
  flow.add({ name: 'Send batch jasmin', type: `${PACKAGE}.smsSend`, parameters: { gateway: 'jasmin', to: '={{ $json.to }}', text: 'One text, many items' }, credentials: credentialsOf('jasmin') }, rows);
  flow.add({
    name: 'Send dinstar on port 2',
    type: `${PACKAGE}.smsSend`,
    parameters: { gateway: 'dinstar', to: number('dinstar', 91), text: 'Through the third SIM', vendorOptions: { ports: '2' } },
    credentials: credentialsOf('dinstar'),
  });
  flow.add({
    name: 'Preview dinstar',
    type: `${PACKAGE}.smsSend`,
    parameters: { gateway: 'dinstar', to: `${number('dinstar', 21)}, ${number('dinstar', 22)}`, text: 'Grüße 👋 aus n8n', previewOnly: true, options: { pricePerPart: 0.05 } },
    credentials: credentialsOf('dinstar'),
  });
  flow.add({
    name: 'Transliterate diafaan',
    type: `${PACKAGE}.smsSend`,
    parameters: { gateway: 'diafaan', to: number('diafaan', 31), text: 'Łódź – Zürich', previewOnly: true, options: { transliterate: true } },
    credentials: credentialsOf('diafaan'),
  });
  flow.add({
    name: 'Allow-list routesms',
    type: `${PACKAGE}.smsSend`,
    parameters: { gateway: 'routesms', to: `${number('routesms', 41)}, +15550100999`, text: 'Not for everyone', options: { allowedRecipients: '+4477009*' } },
    credentials: credentialsOf('routesms'),
    onError: 'continueRegularOutput',
  });
  flow.add({
    name: 'Wrong password jasmin',
    type: `${PACKAGE}.smsSend`,
    parameters: { gateway: 'jasmin', to: number('jasmin', 51), text: 'Never sent' },
    credentials: credentialsOf('jasmin', 'cred-jasmin-wrong'),
    onError: 'continueRegularOutput',
  });
  flow.add({
    name: 'Gateway down diafaan',
    type: `${PACKAGE}.smsSend`,
    parameters: { gateway: 'diafaan', to: number('diafaan', 61), text: 'Never sent' },
    credentials: credentialsOf('diafaan', 'cred-diafaan-down'),
    onError: 'continueRegularOutput',
  });

  const thrownAuth = new WorkflowBuilder('smsbridgeAuth01', 'smsbridge wrong password stops the run');
  thrownAuth.add({ name: 'Send', type: `${PACKAGE}.smsSend`, parameters: { gateway: 'jasmin', to: number('jasmin', 71), text: 'Never sent' }, credentials: credentialsOf('jasmin', 'cred-jasmin-wrong') });
  const thrownInput = new WorkflowBuilder('smsbridgeInput01', 'smsbridge bad number stops the run');
  const badRows = thrownInput.addItems('Rows', [{ to: number('routesms', 81) }, { to: 'call me maybe' }]);
  thrownInput.add({ name: 'Send', type: `${PACKAGE}.smsSend`, parameters: { gateway: 'routesms', to: '={{ $json.to }}', text: 'Checked first' }, credentials: credentialsOf('routesms') }, badRows);

  await fixture.n8n.importWorkflows([flow.toJSON(), thrownAuth.toJSON(), thrownInput.toJSON()]);
  const run = await fixture.n8n.execute('smsbridgeMain01');
  outputs.push(run.raw.stdout, run.raw.stderr);
  main = run.nodes;
});

afterAll(async () => {
  await fixture.stop();
});

function itemsOf(name: string) {
  const run = main[name];
  if (!run) throw new Error(`node "${name}" did not run; ran: ${Object.keys(main).join(', ')}`);
  if (run.error) throw new Error(`node "${name}" failed: ${JSON.stringify(run.error).slice(0, 500)}`);
  return run.items;
}

describe.each(has('send'))('SMS Send through %s', (gateway) => {
  it('sends once per recipient and returns one paired item per recipient', () => {
    const items = itemsOf(`Send ${gateway}`);
    expect(items.map((item) => digits(item.json['to']))).toEqual([digits(number(gateway, 1)), digits(number(gateway, 2))]);
    for (const item of items) {
      expect(item.json).toMatchObject({ accepted: true, gateway, encoding: 'gsm7', parts: 1 });
      expect(['queued', 'sent', 'delivered', 'unknown']).toContain(item.json['state']);
      expect(item.pairedItem).toEqual({ item: 0 });
    }
    expect(fixture.acceptedFor(gateway, number(gateway, 1))).toBe(1);
    expect(fixture.acceptedFor(gateway, number(gateway, 2))).toBe(1);
  });
});

describe.each(has('status'))('SMS Status through %s', (gateway) => {
  it('reads the status of each message SMS Send returned, in the one vocabulary with the raw status kept', () => {
    const sent = itemsOf(`Send ${gateway}`);
    const items = itemsOf(`Status ${gateway}`);
    expect(items).toHaveLength(sent.length);
    items.forEach((item, index) => {
      expect(item.json['messageId']).toBe(sent[index]!.json['messageId']);
      expect(['queued', 'sent', 'delivered', 'failed', 'expired', 'unknown']).toContain(item.json['state']);
      expect(item.json['rawStatus']).toBeDefined();
      expect(item.pairedItem).toEqual({ item: index });
    });
  });
});

describe.each(has('send').filter((gateway) => !has('status').includes(gateway)))('SMS Status through %s', (gateway) => {
  it('says the gateway cannot be asked and points to the triggers', () => {
    const [item] = itemsOf(`Status ${gateway}`);
    expect(String(item!.json['error'])).toMatch(/cannot be asked for a message's status.*Trigger/);
  });
});

describe.each(has('status'))('SMS Status waiting until final through %s', (gateway) => {
  it('polls with backoff until the simulator delivered the message', () => {
    const items = itemsOf(`Wait final ${gateway}`);
    expect(items).toHaveLength(2);
    for (const item of items) expect(item.json).toMatchObject({ state: 'delivered', final: true });
  });
});

describe.each(has('ussdCancel'))('USSD cancel through %s', (gateway) => {
  it('ends the session', () => {
    const [item] = itemsOf(`USSD cancel ${gateway}`);
    expect(item!.json).toMatchObject({ cancelled: true, gateway });
  });
});

describe.each(has('ussdContinue'))('USSD menu through %s', (gateway) => {
  // Dinstar's reply is only {port, text}: its API cannot say that a menu waits for input.
  const saysMenuWaits = gateway !== 'dinstar';
  it('opens a menu, answers it, and cancels a second one', () => {
    expect(itemsOf(`Menu open ${gateway}`)[0]!.json).toMatchObject({ awaitingInput: saysMenuWaits, reply: '1 Data 2 Voice' });
    expect(itemsOf(`Menu answer ${gateway}`)[0]!.json).toMatchObject({ awaitingInput: false, reply: 'Data: 2 GB left' });
    expect(itemsOf(`Menu reopen ${gateway}`)[0]!.json).toMatchObject({ awaitingInput: saysMenuWaits, reply: '1 Data 2 Voice' });
    expect(itemsOf(`Menu cancel ${gateway}`)[0]!.json).toMatchObject({ cancelled: true, gateway });
  });
});

describe.each(has('ussd'))('USSD through %s', (gateway) => {
  it('dials *100# and returns the network\'s reply, or pending where the reply arrives later as an inbound message', () => {
    const [item] = itemsOf(`USSD ${gateway}`);
    expect(item!.json).toMatchObject({ code: '*100#', gateway });
    // Diafaan hands USSD replies in as received messages of type gsm.ussd: its exchange starts pending.
    if (gateway === 'diafaan') expect(item!.json['state']).toBe('pending');
    else expect(String(item!.json['reply'])).toMatch(/balance/i);
  });
});

/** The Diafaan simulator starts, like the product, with send-server-command disabled (ERROR:307). */
const refusedBySimulator: Partial<Record<GatewayKey, string[]>> = { diafaan: ['get-server-configuration', 'get-server-settings'] };

describe.each(has('admin').flatMap((gateway) => readOnlyCommands(gateway).map((command) => [gateway, command] as const)))('SMS Gateway Admin on %s: %s', (gateway, command) => {
  if (refusedBySimulator[gateway]?.includes(command)) {
    it('passes the gateway\'s refusal on with its vendor code and text (continue-on-fail item)', () => {
      const [item] = itemsOf(`Admin ${gateway} ${command}`);
      expect(item!.json).toMatchObject({ code: 'SMSB_GATEWAY_REJECTED', vendorCode: 307, outcome: 'refused', retryable: false });
      expect(String(item!.json['error'])).toMatch(/307 Operation not allowed/);
    });
    return;
  }
  it('runs the read-only command its descriptors offer', () => {
    const [item] = itemsOf(`Admin ${gateway} ${command}`);
    expect(item!.json).toMatchObject({ ok: true, gateway });
  });
});

describe('SMS Send features', () => {
  it('sends many items sharing a text as batches, each result paired with its item', () => {
    const items = itemsOf('Send batch jasmin');
    expect(items.map((item) => [digits(item.json['to']), item.pairedItem])).toEqual([
      [digits(number('jasmin', 11)), { item: 0 }],
      [digits(number('jasmin', 12)), { item: 1 }],
      [digits(number('jasmin', 13)), { item: 2 }],
      [digits(number('jasmin', 14)), { item: 2 }],
    ]);
    for (const slot of [11, 12, 13, 14]) expect(fixture.acceptedFor('jasmin', number('jasmin', slot))).toBe(1);
  });

  it('passes a vendor option from its descriptor (Dinstar port) to the gateway', () => {
    const [item] = itemsOf('Send dinstar on port 2');
    expect(item!.json).toMatchObject({ accepted: true, gateway: 'dinstar' });
    const sent = [...fixture.simulators.get('dinstar')!.network.messages.values()].filter((message) => digits(message.to) === digits(number('dinstar', 91)));
    expect(sent.map((message) => message.channel)).toEqual(['port-2']);
  });

  it('previews encoding, parts and cost per recipient and sends nothing', () => {
    const items = itemsOf('Preview dinstar');
    expect(items.map((item) => item.json)).toEqual([
      expect.objectContaining({ to: number('dinstar', 21), encoding: 'ucs2', parts: 1, cost: 0.05, preview: true }),
      expect.objectContaining({ to: number('dinstar', 22), encoding: 'ucs2', parts: 1, cost: 0.05, preview: true }),
    ]);
    expect(fixture.acceptedFor('dinstar', number('dinstar', 21))).toBe(0);
  });

  it('transliterates to GSM 7-bit when asked', () => {
    const [item] = itemsOf('Transliterate diafaan');
    expect(item!.json).toMatchObject({ encoding: 'gsm7', parts: 1 });
    expect(String(item!.json['text'])).not.toMatch(/[Łź–]/);
  });

  it('refuses a recipient outside the allow-list before anything is sent', () => {
    const [item] = itemsOf('Allow-list routesms');
    expect(String(item!.json['error'])).toMatch(/allow-list/);
    expect(item!.json['code']).toBe('SMSB_INVALID_REQUEST');
    expect(item!.pairedItem).toEqual({ item: 0 });
    expect(fixture.acceptedFor('routesms', number('routesms', 41))).toBe(0);
  });
});

describe('failures', () => {
  it('a wrong password is an authentication error under continue-on-fail, nothing sent', () => {
    const [item] = itemsOf('Wrong password jasmin');
    expect(item!.json).toMatchObject({ code: 'SMSB_GATEWAY_AUTH', retryable: false });
    expect(fixture.acceptedFor('jasmin', number('jasmin', 51))).toBe(0);
  });

  it('a gateway that is down is reported as unreachable, safe to retry, nothing sent', () => {
    const [item] = itemsOf('Gateway down diafaan');
    expect(item!.json).toMatchObject({ code: 'SMSB_GATEWAY_UNREACHABLE', retryable: true, outcome: 'not-sent' });
  });

  it('a wrong password stops the run with a NodeApiError that keeps the gateway\'s answer', async () => {
    const run = await fixture.n8n.execute('smsbridgeAuth01');
    outputs.push(run.raw.stdout, run.raw.stderr);
    const error = run.nodes['Send']?.error;
    expect(error).toBeDefined();
    expect(error!.name).toBe('NodeApiError');
    expect(String(error!.description)).toMatch(/SMSB_GATEWAY_AUTH/);
    // Jasmin answers a wrong password with 403; the core's typed status is passed through.
    expect(String(error!.httpCode)).toBe('403');
    expect(fixture.acceptedFor('jasmin', number('jasmin', 71))).toBe(0);
  });

  it('a bad number in item 2 stops the run with a NodeOperationError for that item before item 1 is sent', async () => {
    const run = await fixture.n8n.execute('smsbridgeInput01');
    outputs.push(run.raw.stdout, run.raw.stderr);
    const error = run.nodes['Send']?.error;
    expect(error).toBeDefined();
    expect(error!.name).toBe('NodeOperationError');
    expect(error!.context?.['itemIndex']).toBe(1);
    expect(fixture.acceptedFor('routesms', number('routesms', 81))).toBe(0);
  });

  it('no password or PIN appears anywhere in what n8n printed', () => {
    const everything = outputs.join('\n');
    for (const secret of fixture.secrets) expect(everything).not.toContain(secret);
  });
});

describe('loaded as a custom extension (N8N_CUSTOM_EXTENSIONS)', () => {
  it('offers every node type from the installed package folder, and the AI-agent tool variants of Send, Status and USSD', async () => {
    const userFolder = mkdtempSync(join(tmpdir(), 'smsbridge-n8n-custom-'));
    const packageFolder = join(fixture.n8n.userFolder, '.n8n/nodes/node_modules/n8n-nodes-smsbridge');
    const custom = new N8nInstance(fixture.n8n.n8nBin, userFolder, { N8N_CUSTOM_EXTENSIONS: packageFolder });
    const output = join(userFolder, 'nodes.json');
    const result = await custom.cli(['export:nodes', `--output=${output}`]);
    expect(result.code).toBe(0);
    const names = (JSON.parse(readFileSync(output, 'utf8')) as { name: string }[]).map((node) => node.name).filter((name) => name.startsWith('CUSTOM.'));
    expect(names.sort()).toEqual([
      'CUSTOM.smsGatewayAdmin',
      'CUSTOM.smsSend',
      'CUSTOM.smsSendTool',
      'CUSTOM.smsStatus',
      'CUSTOM.smsStatusTool',
      'CUSTOM.smsTrigger',
      'CUSTOM.smsUssd',
      'CUSTOM.smsUssdTool',
      'CUSTOM.smsWebhookTrigger',
    ]);
  });
});
