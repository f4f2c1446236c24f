import type { CommandTable } from '../command-context';
import { done } from '../command-outcome';
import { encodeTeString } from '../te-character-set';

/** SIMCom's own commands that drivers commonly send to SIM800/SIM7600 modules. */
export const simcomCommands: CommandTable = {
  '+CSPN': { needsSim: 'equipment', handle: (_command, context) => done(`+CSPN: "${encodeTeString(context.radio.operatorName, context.settings.characterSet)}",0`) },
  // AT+CIURC=0 silences "Call Ready" at boot.
  '+CIURC': { handle: (command, context) => (command.form === 'read' ? done(`+CIURC: ${context.settings.vendorReports ? 1 : 0}`) : done()) },
};
