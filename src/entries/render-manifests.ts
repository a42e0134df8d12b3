import './preload/quiet-punycode.js'
import { runAction } from '../actions/lib/run-action.js'
import { run } from '../actions/render-manifests.js'

await runAction(run)
