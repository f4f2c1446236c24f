import type { CommandTable } from '../command-context';
import type { ModemProfile } from '../profiles/modem-profile';
import { basicCommands } from './basic-commands';
import { huaweiCommands } from './huawei-commands';
import { identityCommands } from './identity-commands';
import { networkCommands } from './network-commands';
import { quectelCommands } from './quectel-commands';
import { simcomCommands } from './simcom-commands';
import { simCommands } from './sim-commands';
import { smsMessageCommands } from './sms-message-commands';
import { smsSettingCommands } from './sms-setting-commands';
import { ussdCommands } from './ussd-commands';

const vendorCommands: Readonly<Record<ModemProfile['dialect'], CommandTable>> = {
  simcom: simcomCommands,
  quectel: quectelCommands,
  huawei: huaweiCommands,
};

/** Every command the virtual modem knows for a profile; anything else answers `ERROR`. */
export function createCommandTable(profile: ModemProfile): CommandTable {
  return {
    ...basicCommands,
    ...identityCommands(profile),
    ...simCommands,
    ...networkCommands,
    ...smsSettingCommands,
    ...smsMessageCommands,
    ...ussdCommands,
    ...vendorCommands[profile.dialect],
  };
}
