/** The bytes of a .wat file, validated (wabt, SIMD enabled). */
export function assemble(watPath: string): Promise<Buffer>
/** The TypeScript module that carries a kernel's bytes as base64. */
export function tsModule(name: string, watFile: string, bytes: Buffer): string
