// The one door of @cosafe/server.

export { buildServer, type ServerOptions } from './app.js'
export { startServer, closeOnSignals, type StartOptions, type Running } from './start.js'
export { loadDemo, isEmpty, type DemoLogin } from './demo.js'
export { hashPassword, verifyPassword, SESSION_COOKIE, CSRF_COOKIE, CSRF_HEADER } from './auth.js'
export { HttpError } from './errors.js'
export * as surveys from './services/surveys.js'
export { readSheets, type RawSheet } from './routes/imports.js'
export * as matters from './services/matters.js'
export * as diagnosis from './services/diagnosis.js'
