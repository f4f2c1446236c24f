import type { AdminCommandResult } from '../../model/admin-command';
import type { AdminCommandDescriptor } from '../../vendors/contract/field-descriptor';
import { InvalidRequestError } from '../../errors/gateway-errors';
import type { ModemLease } from './modem-lease';

/** What a modem can be asked besides messages: reads of the device and the network, and a reset. */
export const MODEM_ADMIN_COMMANDS: readonly AdminCommandDescriptor[] = [
  {
    name: 'info',
    displayName: 'Device Info',
    description: 'Manufacturer, model, firmware, IMEI, IMSI, ICCID, SMS centre, operator, registration and signal (AT+CGMI … AT+CSQ).',
    changesState: false,
    args: [],
  },
  {
    name: 'network',
    displayName: 'Network Status',
    description: 'Registration (home, roaming, searching, denied), operator and signal strength in dBm, plus the port\'s connection state.',
    changesState: false,
    args: [],
  },
  {
    name: 'restart',
    displayName: 'Restart Modem',
    description: 'Resets the modem (AT+CFUN=1,1) for every user of the port; the session is set up again (PIN, indications) and queued messages go out after.',
    changesState: true,
    args: [],
  },
];

/** Runs one of {@link MODEM_ADMIN_COMMANDS} on the lease's port. */
export async function runModemAdminCommand(lease: ModemLease, command: string): Promise<AdminCommandResult> {
  const result = (data: Record<string, unknown>): AdminCommandResult => ({ command, ok: true, data, gateway: 'modem' });
  switch (command) {
    case 'info':
      return result({ ...(await lease.info()) });
    case 'network': {
      const status = await lease.networkStatus();
      return result({ ...status, connection: lease.state?.connection ?? 'closed', health: lease.state?.health ?? 'closed' });
    }
    case 'restart':
      await lease.restart();
      return result({ restarting: true });
    default:
      throw new InvalidRequestError(`"${command}" is not a modem command: use ${MODEM_ADMIN_COMMANDS.map((descriptor) => descriptor.name).join(', ')}.`, {
        details: { gateway: 'modem', command },
      });
  }
}
