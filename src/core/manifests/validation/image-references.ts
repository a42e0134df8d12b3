import { parseReference } from '../../image/reference.js'
import type { Finding } from '../findings.js'
import { describeId, idOf, type Manifest } from '../manifest.js'
import { containersOf, podSpecOf } from '../pod-specs.js'

/**
 * Every container image must be a valid reference under the distribution spec's grammar. The
 * kubelet refuses an invalid one (InvalidImageName) only once the pod is scheduled, and the
 * image checks cannot judge what they cannot read: so it is an error here, on its line.
 */
export function imageReferenceFindings(manifests: Manifest[]): Finding[] {
  const findings: Finding[] = []
  for (const manifest of manifests) {
    const pod = podSpecOf(manifest.object)
    if (!pod) continue
    for (const { container, path } of containersOf(pod)) {
      const problem = referenceProblem(container.image)
      if (!problem) continue
      const name = typeof container.name === 'string' ? container.name : String(path.at(-1))
      findings.push({
        level: 'error',
        check: 'image-reference',
        object: describeId(idOf(manifest.object)),
        message: `container "${name}": ${problem}`,
        location: manifest.where([...path, 'image'])
      })
    }
  }
  return findings
}

function referenceProblem(image: unknown): string | undefined {
  if (image === undefined) return undefined // the schema says it is required where it is
  if (typeof image !== 'string') return 'image is not a string'
  try {
    parseReference(image)
    return undefined
  } catch (error) {
    return (error as Error).message
  }
}
