import { runAction } from '../actions/lib/run-action.js'
import { run } from '../actions/promote.js'

await runAction(run)
