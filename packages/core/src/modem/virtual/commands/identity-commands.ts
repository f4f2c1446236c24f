import type { CommandEntry, CommandTable } from '../command-context';
import { done } from '../command-outcome';
import type { ModemProfile } from '../profiles/modem-profile';

/** Answers an identity query; `=?` is accepted as real modems do. */
function identity(value: (profile: ModemProfile) => string, needsSim?: 'equipment'): CommandEntry {
  return { handle: (command, context) => (command.form === 'test' ? done() : done(value(context.profile))), needsSim };
}

/** Manufacturer, model, revision, IMEI, IMSI (TS 27.007 §5) and the vendor's ICCID command. */
export function identityCommands(profile: ModemProfile): CommandTable {
  return {
    '+CGMI': identity((p) => p.manufacturer),
    '+GMI': identity((p) => p.manufacturer),
    '+CGMM': identity((p) => p.model),
    '+GMM': identity((p) => p.model),
    '+CGMR': identity((p) => p.revisionLine),
    '+GMR': identity((p) => p.revisionLine),
    '+CGSN': identity((p) => p.imei),
    '+GSN': identity((p) => p.imei),
    '+CIMI': identity((p) => p.imsi, 'equipment'),
    [profile.iccidCommand]: identity((p) => p.iccidLine),
  };
}
