#!/usr/bin/env node
// Entry point of the `cosafe` command; the compiled CLI lives in ../dist.
import { main } from '../dist/main.js'

process.exitCode = await main(process.argv.slice(2))
