/** Where a user reads about the package (its README on the registry page). */
export const PACKAGE_DOCUMENTATION_URL = 'https://www.npmjs.com/package/n8n-nodes-smsbridge';

/** Sends that run at once per node execution: enough to overlap round trips, few enough not to flood a LAN gateway. */
export const SEND_CONCURRENCY = 4;

/** Recipients put into one send when items share a text: the vendor's batch form carries them (each client keeps within its API's own limits). */
export const MAX_RECIPIENTS_PER_SEND = 100;
