import * as core from '@actions/core'
import path from 'node:path'
import { errorMessage, UserError, UserErrors } from '../../core/errors.js'

/**
 * The lifecycle every slipway action shares: run `main` (or `post` in the post step),
 * and turn any failure into one annotation and exit code 1. User errors point at their
 * file and line; anything else is an internal error whose stack is shown only in debug logs.
 */
export async function runAction(
  main: () => Promise<void>,
  post?: () => Promise<void>
): Promise<void> {
  const isPost = core.getState('isPost') === 'true'
  if (post && !isPost) core.saveState('isPost', 'true')
  try {
    await (isPost && post ? post() : main())
  } catch (error) {
    reportFailure(error)
  }
}

export function reportFailure(error: unknown): void {
  process.exitCode = core.ExitCode.Failure
  if (error instanceof UserErrors) {
    for (const each of error.errors) annotate(each)
  } else if (error instanceof UserError) {
    annotate(error)
  } else {
    core.error(`internal error: ${errorMessage(error)}`)
    if (error instanceof Error && error.stack) core.debug(error.stack)
  }
}

function annotate(error: UserError): void {
  const location = error.location
  if (!location) {
    core.error(error.message)
    return
  }
  const file = workspaceRelative(location.file)
  core.error(error.message, {
    title: location.line ? `${file}:${location.line}` : file,
    file,
    startLine: location.line,
    startColumn: location.column
  })
}

/** GitHub links annotations only for paths relative to the checkout. */
function workspaceRelative(file: string): string {
  const workspace = process.env.GITHUB_WORKSPACE
  if (!workspace || !path.isAbsolute(file)) return file
  const relative = path.relative(workspace, file)
  return relative.startsWith('..') ? file : relative
}
