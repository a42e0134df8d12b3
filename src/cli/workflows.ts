import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { parseAllDocuments } from 'yaml'
import { InputError, UserError, UserErrors } from '../core/errors.js'
import { INPUT_LIMITS, readInputFile } from '../core/input-file.js'
import { tooDeepAt } from '../core/yaml-nesting.js'

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
    let content: string
    try {
      content = readInputFile(file, INPUT_LIMITS.configBytes, 'workflow file')
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      problems.push(...(error instanceof UserErrors ? error.errors : [error]))
      continue
    }
    // GitHub's parser expands aliases without a bound: a few lines can make it run for ever.
    if (tooDeepAt(content) !== undefined) {
      problems.push(new InputError('invalid YAML: nested more than 1000 levels deep', { file }))
      continue
    }
    if (hasAliasBomb(content)) {
      problems.push(
        new InputError('invalid YAML: too many alias expansions (an alias bomb?)', { file })
      )
      continue
    }
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

function hasAliasBomb(content: string): boolean {
  const docs = parseAllDocuments(content, { uniqueKeys: false })
  try {
    for (const doc of Array.isArray(docs) ? docs : [docs]) doc.toJS({ maxAliasCount: 100 })
    return false
  } catch (error) {
    return error instanceof ReferenceError && /alias/i.test(error.message)
  }
}
