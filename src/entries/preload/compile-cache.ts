import module from 'node:module'

// Node 22.1 and later keep V8's compiled code of the command chunks on disk (in the OS temp
// folder), which halves the start of a short command such as `slipway image copy`. A no-op on
// older Node.
module.enableCompileCache?.()
