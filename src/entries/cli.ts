import './preload/compile-cache.js'
import './preload/quiet-punycode.js'
import { main } from '../cli/main.js'

process.exitCode = await main(process.argv.slice(2))
