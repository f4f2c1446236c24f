'use strict';
const path = require('node:path');

/**
 * The built @smsbridge/core. `npm run bench` builds it into packages/core/dist; set
 * SMSBRIDGE_CORE_DIST to bench another build (e.g. a private one while others rebuild dist/).
 */
function loadCore() {
  const distPath = process.env.SMSBRIDGE_CORE_DIST || path.join(__dirname, '..', 'packages', 'core', 'dist');
  try {
    return { core: require(distPath), distPath };
  } catch (error) {
    throw new Error(`cannot load the built core from ${distPath} (run \`npm run build\` first): ${error.message}`);
  }
}

module.exports = { loadCore };
