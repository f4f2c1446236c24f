export { RecipientAllowList, checkAllowedRecipients } from './allowed-recipients';
export { FINAL_DELIVERY_STATES, isFinalState } from './final-state';
export { parseRecipients } from './parse-recipients';
export { previewSend } from './send-preview';
export type { SendPreview } from './send-preview';
export { waitForFinalStatus } from './wait-for-final-status';
export type { FinalStatusWait, WaitForFinalStatusOptions } from './wait-for-final-status';
export { DEFAULT_BATCH_RECIPIENTS, SendBatch, batchSends } from './send-batch';
