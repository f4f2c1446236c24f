import { createVendorRegistry } from '@smsbridge/core';

/** Every gateway this pack offers; nodes and the editor read vendors from here only. */
export const registry = createVendorRegistry();
