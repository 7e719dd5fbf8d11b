// The diagnosis engine: the rulebook as data, its evaluation and the recommendations.

export * from './rulebook.js'
export * from './context.js'
export * from './evaluate.js'
export * from './recommend.js'
export * from './compare.js'
