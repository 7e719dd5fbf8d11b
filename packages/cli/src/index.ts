// The cli package's door: the command-line entry point for programs that embed it.
export { main, HELP } from './main.js'
export type { Io } from './io.js'
