// Compiles the WebAssembly kernels (msbfs.wat, brandes.wat, carried as base64) once each.

const modules = new Map<string, WebAssembly.Module | null>()

/** The kernel's module, or null where WebAssembly or its 128-bit SIMD is missing (or forbidden). */
export function wasmModule(base64: string): WebAssembly.Module | null {
  let module = modules.get(base64)
  if (module !== undefined) return module
  module = null
  try {
    if (typeof WebAssembly === 'object' && typeof atob === 'function') {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      if (WebAssembly.validate(bytes)) module = new WebAssembly.Module(bytes)
    }
  } catch {
    module = null
  }
  modules.set(base64, module)
  return module
}

/**
 * Lays arrays out in one block of WebAssembly memory: `place(bytes)` returns an array's byte
 * offset (16-byte aligned); `memory()` then allocates the block, or returns null when it cannot
 * (over 4 GiB, or no memory that large here).
 */
export function wasmLayout(): { place: (bytes: number) => number; memory: () => WebAssembly.Memory | null } {
  let at = 0
  return {
    place(bytes) {
      const here = at
      at = Math.ceil((at + bytes) / 16) * 16 // (no 32-bit bit operations: layouts may pass 2 GiB)
      return here
    },
    memory() {
      const pages = Math.ceil(at / 65536)
      if (pages > 65536) return null
      try {
        return new WebAssembly.Memory({ initial: pages })
      } catch {
        return null
      }
    },
  }
}
