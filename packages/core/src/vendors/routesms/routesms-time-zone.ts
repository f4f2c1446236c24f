/** Route Mobile's dates are wall-clock times of the account's zone; a wrong zone is reported against it. */
export const ROUTESMS_TIME_ZONE_OWNER = { gateway: 'routesms', exampleZone: 'Asia/Kolkata' } as const;
