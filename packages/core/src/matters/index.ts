// Safety matters: intake, life-cycle, deadlines, KPIs, ties and the diagnosis inputs. Pure: times are passed in.

export * from './schema.js'
export * from './deadlines.js'
export * from './lifecycle.js'
export * from './kpis.js'
export * from './ties.js'
export * from './demo.js'
