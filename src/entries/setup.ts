import { runAction } from '../actions/lib/run-action.js'
import { run } from '../actions/setup.js'

await runAction(run)
