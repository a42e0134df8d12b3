import path from 'node:path'
import { InputError, UserError } from '../errors.js'
import { INPUT_LIMITS } from '../input-file.js'
import type { Manifest } from './manifest.js'
import { parseObjects } from './yaml-documents.js'

/**
 * Splits `helm template` output into objects. Each document follows a `# Source:` comment
 * naming its template (`<chart>/templates/x.yaml`), which becomes the file problems point at:
 * the template's own lines are not knowable from the rendered text.
 */
export function parseHelmOutput(text: string, chartDir: string): Manifest[] {
  const manifests: Manifest[] = []
  for (const chunk of text.split(/^---[ \t]*$/m)) {
    const source = /^# Source: (.+)$/m.exec(chunk)?.[1]?.trim()
    const file = source ? templateFile(chartDir, source) : chartDir
    let objects
    try {
      objects = parseObjects(chunk, file)
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      throw new UserError(`the rendered template is not valid YAML: ${error.message}`, { file })
    }
    for (const { object } of objects) manifests.push({ object, where: () => ({ file }) })
    if (manifests.length > INPUT_LIMITS.documents) {
      throw new InputError(`more than ${INPUT_LIMITS.documents} YAML documents`, { file: chartDir })
    }
  }
  return manifests
}

/** `hello/charts/redis/templates/svc.yaml` is `<chartDir>/charts/redis/templates/svc.yaml`. */
function templateFile(chartDir: string, source: string): string {
  const parts = source.split('/')
  return path.join(chartDir, ...parts.slice(1))
}
