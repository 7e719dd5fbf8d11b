// Error and warning types of the sna library: few classes, stable codes, messages that say where.

/** Where in an input something happened. Lines and columns are 1-based. */
export interface Location {
  /** File name (or another name for the input, e.g. "stdin"). */
  source?: string
  line?: number
  column?: number
  /** Field, column header, attribute or option name. */
  field?: string
}

/** Stable error codes. Tests and callers branch on these, never on wording. */
export const ERROR_CODES = {
  E_ENCODING: { en: 'the text encoding could not be read', zh: '无法识别文件的文本编码' },
  E_EMPTY: { en: 'the input is empty', zh: '输入为空' },
  E_FORMAT: { en: 'the input is not in the expected format', zh: '输入不符合预期格式' },
  E_UNKNOWN_FORMAT: { en: 'the file format could not be determined', zh: '无法确定文件格式' },
  E_SYNTAX: { en: 'syntax error', zh: '语法错误' },
  E_HEADER: { en: 'a header or required column is missing or invalid', zh: '缺少表头或必需列，或其无效' },
  E_FIELD: { en: 'a field has an invalid value', zh: '字段取值无效' },
  E_NUMBER: { en: 'a number was expected', zh: '此处应为数字' },
  E_WEIGHT: { en: 'a tie weight is invalid', zh: '关系权重无效' },
  E_COUNT: { en: 'the number of items does not match the declared count', zh: '条目数量与声明的数量不一致' },
  E_TRUNCATED: { en: 'the input ends too early', zh: '输入提前结束' },
  E_UNKNOWN_NODE: { en: 'a tie names a node that is not declared', zh: '关系引用了未声明的节点' },
  E_DUPLICATE_NODE: { en: 'a node id is declared twice', zh: '节点编号重复声明' },
  E_DUPLICATE_TIE: { en: 'a tie is listed twice', zh: '关系重复出现' },
  E_SELF_LOOP: { en: 'a tie connects a node to itself', zh: '关系连接了节点自身' },
  E_INDEX: { en: 'a node index is out of range', zh: '节点序号超出范围' },
  E_XML: { en: 'the XML is malformed', zh: 'XML 格式错误' },
  E_JSON: { en: 'the JSON is malformed', zh: 'JSON 格式错误' },
  E_OPTION: { en: 'an option has an invalid value', zh: '选项取值无效' },
  E_UNSUPPORTED: { en: 'this input is valid but not supported', zh: '此输入有效但暂不支持' },
} as const

export type ErrorCode = keyof typeof ERROR_CODES

/** Formats a location as "file:line:column (field)". */
export function formatLocation(where: Location): string {
  let s = where.source ?? ''
  if (where.line !== undefined) s += `${s ? ':' : 'line '}${where.line}`
  if (where.column !== undefined) s += `:${where.column}`
  if (where.field !== undefined) s += `${s ? ' ' : ''}(${where.field})`
  return s
}

/**
 * A user's input is wrong: a malformed file, a bad option. Carries a stable `code`, the location
 * and a message "what, expected vs got". Never thrown for a bug in the library.
 */
export class ParseError extends Error {
  override readonly name = 'ParseError'
  readonly code: ErrorCode
  readonly where: Location
  readonly detail: string

  constructor(code: ErrorCode, where: Location, detail: string) {
    const loc = formatLocation(where)
    super(loc ? `${loc}: ${detail}` : detail)
    this.code = code
    this.where = where
    this.detail = detail
  }
}

/** True for a ParseError, also across realms/bundles. */
export function isParseError(e: unknown): e is ParseError {
  return e instanceof ParseError || (e instanceof Error && e.name === 'ParseError' && 'code' in e)
}

/** Stable warning codes: every decision a reader or builder takes is reported with one of these. */
export const WARNING_CODES = {
  W_SELF_LOOP_DROPPED: { en: 'self-loops dropped', zh: '已删除自环' },
  W_SELF_LOOP_KEPT: { en: 'self-loops kept apart (measures ignore them)', zh: '已单独保留自环（指标计算忽略自环）' },
  W_DUPLICATE_SUMMED: { en: 'duplicate ties merged by summing their weights', zh: '重复关系已合并（权重相加）' },
  W_DUPLICATE_MAX: { en: 'duplicate ties merged by keeping the largest weight', zh: '重复关系已合并（取最大权重）' },
  W_NODE_CREATED: { en: 'nodes created for ties naming unknown nodes', zh: '为关系中未声明的节点自动创建了节点' },
  W_ZERO_WEIGHT: { en: 'ties with weight 0 read as absent', zh: '权重为 0 的关系视为不存在' },
  W_ASYMMETRIC: {
    en: 'undirected data listed the two directions with different values; the larger was kept',
    zh: '无向数据两个方向取值不同，已取较大值',
  },
  W_IGNORED: { en: 'part of the input was ignored', zh: '输入中的部分内容被忽略' },
  W_ENCODING: { en: 'the text was read as GB18030 (not UTF-8)', zh: '文本按 GB18030（非 UTF-8）编码读取' },
  W_DIRECTION: { en: 'the direction of ties was decided from the input', zh: '关系方向由输入内容决定' },
  W_ATTRIBUTE: { en: 'an attribute value was not used', zh: '部分属性值未被使用' },
} as const

export type WarningCode = keyof typeof WARNING_CODES

/** One decision taken while reading or building, with how often it happened and where first. */
export interface Warning {
  code: WarningCode
  message: string
  count: number
  where?: Location
}

/** Text of an error or warning code in a language. */
export function describeCode(code: ErrorCode | WarningCode, lang: 'en' | 'zh-CN' = 'en'): string {
  const entry =
    (ERROR_CODES as Record<string, { en: string; zh: string }>)[code] ??
    (WARNING_CODES as Record<string, { en: string; zh: string }>)[code]
  if (!entry) return code
  return lang === 'zh-CN' ? entry.zh : entry.en
}

/** Exhaustiveness check for switches over unions. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value ${String(x)}`)
}
