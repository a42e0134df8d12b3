import path from 'node:path'
import type { Config } from '../config/index.js'
import { UserError, type SourceLocation } from '../errors.js'
import type { Finding } from './findings.js'
import {
  canonicalRepository,
  formatImageRef,
  parseReleaseImage,
  type ImageRef
} from './image-ref.js'
import { sortForInstall } from './install-order.js'
import {
  describeId,
  identityKey,
  idOf,
  type KubeObject,
  type Manifest,
  type ObjectId
} from './manifest.js'
import { defaultNamespaces } from './namespaces.js'
import { pinImages, type PinnedImage, type PinTarget } from './pin-images.js'
import { checkPolicy, policyLevels } from './policy/policy.js'
import { applyReleaseMetadata, type ReleaseInfo } from './release-metadata.js'
import { renderManifests } from './render.js'
import { contentHash, objectFileName, objectYaml, sortKeys } from './serialize.js'
import { configLocation, resolveSource } from './source.js'
import { loadCrdCatalog } from './validation/crd-schemas.js'
import { imageReferenceFindings } from './validation/image-references.js'
import { preloadSchemas, validateManifests } from './validation/validate.js'

export interface RenderRequest {
  config: Config
  environment: string
  /** The repository: paths in the config are relative to it, and nothing outside is read. */
  root: string
  /** The config file, so that problems with its paths point at their lines. */
  configFile?: string
  /** The released image, `repository[:tag]@sha256:...` or a bare digest of image.repository. */
  image?: string
  /** A render of zero objects is not an error (else only with manifests.allow-empty). */
  allowEmpty?: boolean
  version?: string
  commit?: string
  releaseId?: string
}

export interface RenderedObject {
  id: ObjectId
  /** The object as written out, keys sorted. */
  object: KubeObject
  /** The object as YAML, one document. */
  yaml: string
  /** Its file in the one-file-per-object folder. */
  file: string
  /** Where it is defined; worked out when first asked. */
  readonly source?: SourceLocation
}

export interface RenderResult {
  environment: string
  namespace: string
  objects: RenderedObject[]
  /** The multi-document YAML of every object, in install order. */
  yaml: string
  /** `sha256:` of `yaml`: equal for equal renders. */
  hash: string
  /** Errors and warnings: schema, duplicates, the released image, policy. */
  findings: Finding[]
  pinned: PinnedImage[]
  /** The repositories the released image goes by: how the manifests name it, and its own. */
  releasedRepositories: string[]
  release: ReleaseInfo
}

/**
 * Renders one environment and makes it releasable: the source rendered by its tool, then the
 * same post-render for every source (namespaces defaulted, images pinned, release metadata,
 * install order, stable YAML), validated against the schemas and checked against the policy.
 * Problems that stop rendering are thrown as UserErrors; the rest are in `findings`.
 */
export async function renderEnvironment(request: RenderRequest): Promise<RenderResult> {
  const { config, environment, root, configFile } = request
  const source = resolveSource(config, environment, root, configFile)
  const env = config.environments[environment]
  const manifests = await renderManifests(source, env.namespace, root, preloadSchemas)
  if (manifests.length === 0) refuseEmpty(request)

  const validation = config.validation
  const crdSources = validation['crd-schemas'].map((p) => path.resolve(root, p))
  const crds = await loadCrdCatalog(
    crdSources,
    root,
    manifests.map((m) => m.object)
  )
  defaultNamespaces(manifests, env.namespace, crds.scopes)
  const findings: Finding[] = duplicates(manifests)

  const releaseImage = request.image
    ? parseReleaseImage(request.image, config.image.repository, 'image')
    : undefined
  const targets = pinTargets(config, environment, releaseImage)
  const { pinned, findings: pinFindings } = pinImages(manifests, targets)
  const pinLocation = configFile
    ? configLocationOfImage(config, environment, configFile)
    : undefined
  for (const f of pinFindings) findings.push({ ...f, location: f.location ?? pinLocation })

  const release = releaseInfo(request, releaseImage)
  applyReleaseMetadata(manifests, release)
  const ordered = sortForInstall(manifests)

  // Pushed one by one: spreading tens of thousands of findings into push overflows the stack.
  const schemaFindings = await validateManifests(ordered, {
    kubernetesVersion: validation['kubernetes-version'],
    crds,
    skipUnknownCrds: validation['skip-unknown-crds']
  })
  for (const finding of schemaFindings) findings.push(finding)
  for (const finding of imageReferenceFindings(ordered)) findings.push(finding)
  // The released image is pinned by slipway when deployed: in the manifests it is a placeholder.
  const pinnedRepositories = new Set(
    [releaseName(config, environment), ...targets.flatMap((t) => t.repositories)].map(
      canonicalRepository
    )
  )
  const levels = policyLevels(config.policy, env.policy)
  for (const f of checkPolicy({ manifests: ordered, pinnedRepositories }, levels)) findings.push(f)

  const objects = ordered.map((manifest, index) => {
    const id = idOf(manifest.object)
    const object = sortKeys(manifest.object)
    return {
      id,
      object,
      yaml: objectYaml(object),
      file: objectFileName(index, ordered.length, id),
      get source() {
        return manifest.where()
      }
    }
  })
  const yaml = objects.map((o) => o.yaml).join('---\n')
  return {
    environment,
    namespace: env.namespace,
    objects,
    yaml,
    hash: contentHash(yaml),
    findings,
    pinned,
    releasedRepositories: [releaseName(config, environment), config.image.repository],
    release
  }
}

/**
 * The released image (matched under the name the manifests use for it, and under its own
 * repository) and the images the config pins to fixed digests.
 */
function pinTargets(config: Config, environment: string, image?: ImageRef): PinTarget[] {
  const source = config.environments[environment].manifests ?? config.manifests
  const targets: PinTarget[] = []
  if (image) {
    const named = releaseName(config, environment)
    targets.push({
      name: named,
      repositories: [named, image.repository],
      pinned: `${image.repository}@${image.digest}`
    })
  }
  for (const ref of source?.pin ?? []) {
    const repository = ref.slice(0, ref.indexOf('@'))
    targets.push({ name: repository, repositories: [repository], pinned: ref })
  }
  return targets
}

/** How the manifests name the released image. */
function releaseName(config: Config, environment: string): string {
  const source = config.environments[environment].manifests ?? config.manifests
  return source?.image ?? config.image.repository
}

function releaseInfo(request: RenderRequest, image?: ImageRef): ReleaseInfo {
  const digest = image?.digest
  const commit = request.commit || undefined
  const short = digest ? digest.slice(digest.indexOf(':') + 1, digest.indexOf(':') + 13) : undefined
  return {
    environment: request.environment,
    version: request.version || image?.tag || commit?.slice(0, 7),
    commit,
    releaseId:
      request.releaseId ||
      (short
        ? `${request.environment}-${short}`
        : commit
          ? `${request.environment}-${commit.slice(0, 12)}`
          : undefined),
    image: image ? formatImageRef({ repository: image.repository, digest }) : undefined
  }
}

// Once deploy prunes, applying nothing would delete everything the environment has.
function refuseEmpty({ config, environment, configFile, allowEmpty }: RenderRequest): void {
  const own = config.environments[environment].manifests
  if (allowEmpty || (own ?? config.manifests)?.['allow-empty']) return
  const keyPath = own ? ['environments', environment, 'manifests'] : ['manifests']
  throw new UserError(
    'the render has no objects: deployed with pruning, it would delete everything in the ' +
      `environment; set ${keyPath.join('.')}.allow-empty: true (or --allow-empty) if that is meant`,
    configFile ? configLocation(configFile, keyPath) : undefined
  )
}

function duplicates(manifests: Manifest[]): Finding[] {
  const seen = new Map<string, Manifest>()
  const findings: Finding[] = []
  for (const manifest of manifests) {
    const id = idOf(manifest.object)
    if (!id.kind || !id.name) continue
    const key = identityKey(id)
    const first = seen.get(key)
    if (!first) {
      seen.set(key, manifest)
      continue
    }
    const there = first.where()
    const at = there ? ` (first at ${there.file}${there.line ? `:${there.line}` : ''})` : ''
    findings.push({
      level: 'error',
      check: 'duplicate',
      object: describeId(id),
      message: `defined twice${at}: the second would overwrite the first`,
      location: manifest.where()
    })
  }
  return findings
}

function configLocationOfImage(
  config: Config,
  environment: string,
  configFile: string
): SourceLocation {
  const env = config.environments[environment]
  if (env.manifests?.image) {
    return configLocation(configFile, ['environments', environment, 'manifests', 'image'])
  }
  if (!env.manifests && config.manifests?.image) {
    return configLocation(configFile, ['manifests', 'image'])
  }
  return configLocation(configFile, ['image', 'repository'])
}
