import { runAction } from '../actions/lib/run-action.js'
import { run } from '../actions/rollback.js'

await runAction(run)
