// The web app's build: React, code split per page area; `npm run dev -w @cosafe/web` proxies the API to :3000.
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const src = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url))

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // the domain's vocabulary and permission table, from source (pure code: no I/O)
      '@cosafe/core': src('core/src/index.ts'),
      '@cosafe/sna': src('sna/src/index.ts'),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      // zod's sources carry /*@__PURE__*/ comments where Rollup cannot use them: harmless, and noisy
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod/')) return
        warn(warning)
      },
      output: {
        manualChunks: (id: string) => {
          if (/node_modules\/(antd|@ant-design|rc-[^/]+|@rc-component)\//.test(id)) return 'antd'
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts'
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)) return 'react'
          return undefined
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/s/': 'http://127.0.0.1:3000' },
  },
})
