import * as core from '@actions/core'
import { inertText } from '../../core/runner-output.js'

/**
 * A line for the step's log. core.info prints it as it is, so a value from a repository, an
 * image or a server could start a workflow command: inertText escapes that.
 */
export function info(text: string): void {
  core.info(inertText(text))
}
