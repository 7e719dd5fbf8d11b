// The one door of @cosafe/store: open a store, and the repository interface it implements.

export * from './api.js'
export { openStore, storeFromEnv, DEFAULT_SQLITE_FILE, type OpenStoreOptions } from './open.js'
export { MIGRATIONS, type Migration } from './migrations/index.js'
