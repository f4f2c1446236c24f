/** Which parameters each `send-server-command` command takes (seed, basic and full editions). */
export interface DiafaanServerCommandSpec {
  /** Optional target lists it accepts (empty = all). */
  targets: readonly ('gateway' | 'connector')[];
  /** Needs `property` and `value` (and accepts `reload`). */
  setsProperty: boolean;
  /** Answers with XML rather than a line; these are the two reads, every other command changes the server. */
  returnsXml: boolean;
  displayName: string;
  description: string;
}

export const DIAFAAN_SERVER_COMMANDS = {
  'start-gateway': { displayName: 'Start Gateways', targets: ['gateway'], setsProperty: false, returnsXml: false, description: 'Start one or more gateways' },
  'stop-gateway': { displayName: 'Stop Gateways', targets: ['gateway'], setsProperty: false, returnsXml: false, description: 'Stop one or more gateways' },
  'restart-gateway': { displayName: 'Restart Gateways', targets: ['gateway'], setsProperty: false, returnsXml: false, description: 'Restart one or more gateways' },
  'start-connector': { displayName: 'Start Connectors', targets: ['connector'], setsProperty: false, returnsXml: false, description: 'Start one or more connectors' },
  'stop-connector': { displayName: 'Stop Connectors', targets: ['connector'], setsProperty: false, returnsXml: false, description: 'Stop one or more connectors' },
  'restart-connector': { displayName: 'Restart Connectors', targets: ['connector'], setsProperty: false, returnsXml: false, description: 'Restart one or more connectors' },
  'reset-send-limit': { displayName: 'Reset Send Limit', targets: ['gateway'], setsProperty: false, returnsXml: false, description: 'Reset the send limit of GSM Modem Gateways' },
  'pause-sending': { displayName: 'Pause Sending', targets: ['gateway'], setsProperty: false, returnsXml: false, description: 'Pause sending with the gateways' },
  'resume-sending': { displayName: 'Resume Sending', targets: ['gateway'], setsProperty: false, returnsXml: false, description: 'Resume sending with the gateways' },
  'get-server-configuration': { displayName: 'Get Server Configuration', targets: [], setsProperty: false, returnsXml: true, description: 'Gateway and connector settings (XML)' },
  'get-server-settings': { displayName: 'Get Server Settings', targets: [], setsProperty: false, returnsXml: true, description: 'General server settings (XML)' },
  'set-gateway-property': { displayName: 'Set Gateway Property', targets: ['gateway'], setsProperty: true, returnsXml: false, description: 'Change a gateway property' },
  'set-connector-property': { displayName: 'Set Connector Property', targets: ['connector'], setsProperty: true, returnsXml: false, description: 'Change a connector property' },
  'set-routing-property': { displayName: 'Set Routing Property', targets: ['connector', 'gateway'], setsProperty: true, returnsXml: false, description: 'Change a connector routing property' },
  'set-settings-property': { displayName: 'Set Settings Property', targets: [], setsProperty: true, returnsXml: false, description: 'Change a server settings property' },
} as const satisfies Record<string, DiafaanServerCommandSpec>;

export type DiafaanServerCommand = keyof typeof DIAFAAN_SERVER_COMMANDS;

export function isDiafaanServerCommand(value: string): value is DiafaanServerCommand {
  return Object.prototype.hasOwnProperty.call(DIAFAAN_SERVER_COMMANDS, value);
}

/** Parameters of a server command; lists become semicolon-separated. */
export interface DiafaanServerCommandParameters {
  gateway?: string | readonly string[];
  connector?: string | readonly string[];
  property?: string;
  value?: string | number | boolean;
  /** false sends `reload=0` (change several properties before the restart). */
  reload?: boolean;
}
