export { MemoryJournalStore, type JournalStore } from './journal-store';
export { RedisJournalStore, type RedisJournalStoreOptions } from './redis-journal-store';
export { DEFAULT_JOURNAL_TTL_SECONDS, StoreSendJournal, type JournalKeyOf } from './store-send-journal';
