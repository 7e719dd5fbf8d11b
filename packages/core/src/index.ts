// The one door of @cosafe/core: the governance domain, pure (no I/O).

export * from './vocabulary.js'
export * from './records.js'
export * from './access.js'
export * from './network.js'
export * from './importRows.js'
export * from './demo.js'
export * from './surveys.js'
export * from './aggregate.js'
export * from './designed.js'
export * from './periods.js'
export * from './twoModeActivities.js'
export * from './diagnosis/index.js'
