import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../core/errors.js'

/** Validates every workflow file in `dir` with GitHub's own workflow parser. */
export async function validateWorkflows(dir: string): Promise<UserError[]> {
  let names: string[]
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort()
  } catch {
    return []
  }
  const problems: UserError[] = []
  for (const name of names) {
    const file = path.join(dir, name)
    const content = await readFile(file, 'utf8')
    const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter())
    for (const error of result.context.errors.getErrors()) {
      problems.push(
        new UserError(error.rawMessage, {
          file,
          line: error.range?.start.line,
          column: error.range?.start.column
        })
      )
    }
  }
  return problems
}
