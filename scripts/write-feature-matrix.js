#!/usr/bin/env node
'use strict';
/**
 * Writes the README's feature matrix (each gateway and the modem against each node of each host)
 * from the vendor registry's capabilities, between the marker comments below. Run it as
 * `npm run feature-matrix` (it builds, then reads packages/core/dist with the project's Node 24). test/readme/feature-matrix.test.ts fails when the
 * README and the registry disagree, or when a host offers a gateway the matrix says it cannot.
 *
 * Only host knowledge lives here (which capability each node needs, how each host sets up push);
 * every vendor fact comes from its registry entry.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const START = '<!-- feature-matrix:start (written by scripts/write-feature-matrix.js; do not edit by hand) -->';
const END = '<!-- feature-matrix:end -->';

const SEND_FIELD_WORDS = { from: 'sender', flash: 'flash', statusReport: 'report request', validityMinutes: 'validity', scheduleAt: 'schedule' };
const CARRIED_WORDS = { inbound: 'SMS', status: 'reports', ussd: 'USSD replies' };

const has = (entry, operation) => entry.capabilities.operations.includes(operation);
const yes = (text) => ({ available: true, text: text ? `✓ ${text}` : '✓' });
const no = (why) => ({ available: false, text: `— ${why}` });

function sendCell(entry) {
  if (!has(entry, 'send')) return no('the API sends no SMS');
  const fields = entry.capabilities.sendFields.map((field) => SEND_FIELD_WORDS[field] ?? field);
  return yes(fields.length > 0 ? `(+ ${fields.join(', ')})` : '(text only: no sender, flash, report request, validity or schedule)');
}

function carried(entry, kinds) {
  return entry.push.carries.filter((kind) => kinds.includes(kind)).map((kind) => CARRIED_WORDS[kind]);
}

/** How the push URL gets to the gateway, as each host does it. */
function pushSetup(entry, host) {
  const { how, sendOption } = entry.push.setup;
  if (how === 'per-send') return `URL sent with each SMS (\`${sendOption}\`)`;
  if (how === 'api') return host === 'n8n' ? 'the node sets the gateway up when the workflow is published (activated)' : 'the node sets the gateway up on deploy ("Reached at")';
  return 'URL entered on the gateway';
}

function noInboxWhy(entry) {
  if (entry.capabilities.inbound === 'none') return 'no received SMS in this API';
  if (entry.capabilities.inbound === 'push') return 'no inbox in the API: received SMS only come by push';
  return 'no inbox listing in the API';
}

function noStatusWhy(entry, host, listsReports) {
  const pushed = entry.push?.carries.includes('status');
  if (pushed) return `no status query in the API: reports come by push (${host === 'n8n' ? 'SMS Webhook Trigger' : 'sms in, output 2'})`;
  if (host === 'n8n' && listsReports) return 'no query by message id: delivery reports come through SMS Trigger (Events: delivery reports)';
  if (has(entry, 'subscribe')) {
    return host === 'n8n'
      ? 'reports come only as the modem\'s indications, which no n8n node listens to: not possible in n8n'
      : 'reports come as the modem\'s indications: sms in, output 2';
  }
  return 'the gateway reports no delivery status';
}

/** n8n's polling trigger: received SMS where the API has an inbox, delivery reports where the core can list them. */
function pollingTriggerCell(entry, listsReports) {
  const events = [];
  if (has(entry, 'inbox')) events.push(`SMS (${has(entry, 'acknowledge') ? 'removed at the next poll' : 'cursor; messages stay on the gateway'})`);
  if (listsReports) events.push('delivery reports (Events option)');
  return events.length > 0 ? yes(events.join('; ')) : no(noInboxWhy(entry));
}

function ussdCell(entry) {
  if (!has(entry, 'ussd')) return no('no USSD in the API');
  const menus = has(entry, 'ussdContinue') && has(entry, 'ussdCancel');
  return yes(menus ? 'send, answer menu, cancel' : 'send only (no menu answers)');
}

function adminCell(entry) {
  if (!has(entry, 'admin') || entry.adminCommands.length === 0) return no('no admin call in the API');
  const names = entry.adminCommands.map((command) => `\`${command.name}\``);
  return yes(names.length <= 5 ? names.join(', ') : `${names.length} commands, e.g. ${names.slice(0, 3).join(', ')}`);
}

function testCell(entry) {
  if (has(entry, 'verify')) return yes();
  return no('the API has no call that changes nothing (reported as "cannot be verified")');
}

/** n8n: one column per node, offered where the node's filter in nodes/ lets the gateway in. */
function n8nRow(entry, listsReports) {
  return {
    'SMS Send': sendCell(entry),
    'SMS Trigger (polling)': pollingTriggerCell(entry, listsReports),
    'SMS Webhook Trigger': entry.push
      ? yes(`${carried(entry, ['inbound', 'status', 'ussd']).join(', ')}; ${pushSetup(entry, 'n8n')}`)
      : no(has(entry, 'subscribe') ? 'a modem calls no URL: its SMS come through SMS Trigger' : 'the gateway calls no URL'),
    'SMS Status': has(entry, 'status') ? yes('by id, or wait until final') : no(noStatusWhy(entry, 'n8n', listsReports)),
    USSD: ussdCell(entry),
    'SMS Gateway Admin': adminCell(entry),
    'credential Test': testCell(entry),
  };
}

/** Node-RED: `sms in` split by its two outputs and by how messages arrive. */
function nodeRedRow(entry) {
  const inbound = [];
  if (has(entry, 'inbox')) inbound.push(`poll${has(entry, 'acknowledge') ? ' (removed once sent on)' : ' (cursor)'}`);
  if (entry.push && carried(entry, ['inbound', 'ussd']).length > 0) inbound.push(`push: ${carried(entry, ['inbound', 'ussd']).join(', ')}, ${pushSetup(entry, 'node-red')}`);
  if (has(entry, 'subscribe')) inbound.push('modem indications');
  const reports = [];
  if (entry.push?.carries.includes('status')) reports.push(`push, ${pushSetup(entry, 'node-red')}`);
  if (has(entry, 'subscribe')) reports.push('modem indications');
  return {
    'sms send': sendCell(entry),
    'sms in, output 1 (SMS)': inbound.length > 0 ? yes(inbound.join('; ')) : no(noInboxWhy(entry)),
    'sms in, output 2 (reports)': reports.length > 0 ? yes(reports.join('; ')) : no(noStatusWhy(entry, 'node-red')),
    'sms status': has(entry, 'status') ? yes('by id, or wait until final') : no(noStatusWhy(entry, 'node-red')),
    'sms ussd': ussdCell(entry),
    'sms admin': adminCell(entry),
    'Test connection': testCell(entry),
  };
}

/**
 * `{ n8n: { <key>: { <node>: {available, text} } }, 'node-red': … }` for the entries given;
 * `reportListingOf` is the core's `deliveryReportListingOf` (which gateways can list their reports).
 */
function featureMatrix(entries, reportListingOf) {
  const matrix = { n8n: {}, 'node-red': {} };
  for (const entry of entries) {
    matrix.n8n[entry.key] = n8nRow(entry, reportListingOf(entry.key) !== undefined);
    matrix['node-red'][entry.key] = nodeRedRow(entry);
  }
  return matrix;
}

const SHORT_NAMES = { diafaan: 'Diafaan', routesms: 'Route Mobile', spangw: 'span gateway', jasmin: 'Jasmin', dinstar: 'Dinstar', modem: 'GSM modem' };

/** One table per host, gateways as columns (six) and nodes as rows, so the cells' reasons have room. */
function renderTable(rows, entries) {
  const nodes = Object.keys(rows[entries[0].key]);
  const names = entries.map((entry) => SHORT_NAMES[entry.key] ?? entry.describe.displayName);
  const lines = [`| | ${names.join(' | ')} |`, `|---|${names.map(() => '---').join('|')}|`];
  for (const node of nodes) lines.push(`| **${node}** | ${entries.map((entry) => rows[entry.key][node].text.replace(/\|/g, '\\|')).join(' | ')} |`);
  return lines.join('\n');
}

/** The README block between the markers, markers included. */
function renderFeatureMatrix(entries, reportListingOf) {
  const matrix = featureMatrix(entries, reportListingOf);
  return [
    START,
    '',
    '**n8n**',
    '',
    renderTable(matrix.n8n, entries),
    '',
    '**Node-RED**',
    '',
    renderTable(matrix['node-red'], entries),
    '',
    END,
  ].join('\n');
}

/** README text with the block replaced; throws when the markers are missing. */
function withFeatureMatrix(readme, entries, reportListingOf) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no feature-matrix markers (${START} … ${END})`);
  return readme.slice(0, start) + renderFeatureMatrix(entries, reportListingOf) + readme.slice(end + END.length);
}

/** The block as the README has it now (markers included), or undefined. */
function currentFeatureMatrix(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  return start < 0 || end < start ? undefined : readme.slice(start, end + END.length);
}

module.exports = { featureMatrix, renderFeatureMatrix, withFeatureMatrix, currentFeatureMatrix, START, END };

if (require.main === module) {
  const root = join(__dirname, '..');
  let core;
  try {
    core = require(join(root, 'packages/core/dist'));
  } catch (error) {
    console.error(`write-feature-matrix: packages/core/dist is missing or broken; run npm run build first (${error.message})`);
    process.exit(1);
  }
  const path = join(root, 'README.md');
  const before = readFileSync(path, 'utf8');
  const after = withFeatureMatrix(before, core.createVendorRegistry().list(), core.deliveryReportListingOf);
  if (after !== before) writeFileSync(path, after);
  console.log(after === before ? 'README.md feature matrix already up to date' : 'README.md feature matrix written');
}
