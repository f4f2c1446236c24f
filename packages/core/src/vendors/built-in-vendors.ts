import type { VendorEntry } from './vendor-entry';
import { diafaanVendor } from './diafaan/diafaan-vendor';
import { spangwVendor } from './spangw/spangw-vendor';
import { dinstarVendor } from './dinstar/dinstar-vendor';
import { routesmsVendor } from './routesms/routesms-vendor';
import { jasminVendor } from './jasmin/jasmin-vendor';
import { modemVendor } from '../modem/gateway/modem-vendor';
import { modembridgeVendor } from './modembridge/modembridge-vendor';

/** Every vendor this package ships; one line per vendor folder (import above, entry below). */
export const builtInVendors: readonly VendorEntry[] = [
  diafaanVendor,
  routesmsVendor,
  jasminVendor,
  spangwVendor,
  dinstarVendor,
  modemVendor,
  modembridgeVendor,
];
