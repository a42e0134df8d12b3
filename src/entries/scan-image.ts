import { runAction } from '../actions/lib/run-action.js'
import { run } from '../actions/scan-image.js'

await runAction(run)
