import { runAction } from '../actions/lib/run-action.js'
import { run } from '../actions/canary-analysis.js'

await runAction(run)
