import { registry } from './vendor-registry';

/** Where the editor shows the push URL before the node knows its own. */
const URL_PLACEHOLDER = '<this node\'s push URL>';

/**
 * Every vendor as the editor needs it to draw its dialogs: descriptions, capabilities, the fields
 * of the connection, the per-send options, the admin commands, and how push is set up — data only.
 */
export function vendorCatalog(): Record<string, unknown>[] {
  return registry.list().map((entry) => ({
    key: entry.key,
    displayName: entry.describe.displayName,
    summary: entry.describe.summary,
    document: entry.describe.document,
    documentationUrl: entry.describe.documentationUrl,
    defaultPort: entry.describe.defaultPort,
    capabilities: entry.capabilities,
    connection: entry.connection,
    sendOptions: entry.sendOptions,
    adminCommands: entry.adminCommands,
    push: entry.push
      ? {
          carries: entry.push.carries,
          methods: entry.push.methods,
          how: entry.push.setup.how,
          sendOption: entry.push.setup.sendOption,
          instructions: entry.push.setup.instructions(URL_PLACEHOLDER),
        }
      : null,
  }));
}
