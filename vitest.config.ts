// One Vitest set-up for every package; packages import each other's sources in tests.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      // before '@cosafe/sna', which would otherwise take '@cosafe/sna/node' as a path under it
      '@cosafe/sna/node': fileURLToPath(new URL('./packages/sna/src/node/index.ts', import.meta.url)),
      '@cosafe/sna': fileURLToPath(new URL('./packages/sna/src/index.ts', import.meta.url)),
      '@cosafe/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
      '@cosafe/store': fileURLToPath(new URL('./packages/store/src/index.ts', import.meta.url)),
      '@cosafe/report': fileURLToPath(new URL('./packages/report/src/index.ts', import.meta.url)),
      '@cosafe/server': fileURLToPath(new URL('./packages/server/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
})
