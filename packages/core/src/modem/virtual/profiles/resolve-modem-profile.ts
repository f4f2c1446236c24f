import { VirtualModemError } from '../virtual-modem-error';
import { huaweiProfile } from './huawei-profile';
import type { ModemProfile, ModemProfileName } from './modem-profile';
import { quectelProfile } from './quectel-profile';
import { simcomProfile } from './simcom-profile';

export const modemProfiles: Readonly<Record<ModemProfileName, ModemProfile>> = {
  simcom: simcomProfile,
  quectel: quectelProfile,
  huawei: huaweiProfile,
};

/** A built-in profile by name, or the caller's own profile (optionally a partial override of a built-in one). */
export function resolveModemProfile(profile: ModemProfileName | ModemProfile | undefined): ModemProfile {
  if (profile === undefined) return simcomProfile;
  if (typeof profile !== 'string') return profile;
  const found = (modemProfiles as Record<string, ModemProfile | undefined>)[profile];
  if (!found) {
    throw new VirtualModemError('SMSB_VMODEM_BAD_OPTION', `unknown modem profile "${profile}"; known: ${Object.keys(modemProfiles).join(', ')}`);
  }
  return found;
}
