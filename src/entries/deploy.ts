import { runAction } from '../actions/lib/run-action.js'
import { run } from '../actions/deploy.js'

await runAction(run)
