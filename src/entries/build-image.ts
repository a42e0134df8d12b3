import { runAction } from '../actions/lib/run-action.js'
import { run } from '../actions/build-image.js'

await runAction(run)
