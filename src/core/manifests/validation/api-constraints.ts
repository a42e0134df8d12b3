import { groupOf, isRecord, type FieldPath, type KubeObject } from '../manifest.js'
import { containersOf, podLabelsOf, podSpecOf } from '../pod-specs.js'

// Rules the API server enforces on built-in kinds that their OpenAPI schemas do not carry
// (k8s.io/apimachinery/pkg/util/validation and pkg/apis/*/validation). An object breaking one
// renders, then fails at apply: better to fail the render, on the field's line.

export interface Violation {
  path: FieldPath
  message: string
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/

type NameRule = (name: string) => string | undefined

const label: NameRule = (name) =>
  name.length <= 63 && DNS1123_LABEL.test(name)
    ? undefined
    : 'a lowercase RFC 1123 label: at most 63 of a-z, 0-9 and "-", starting and ending with a letter or digit'
const subdomain: NameRule = (name) =>
  name.length <= 253 && DNS1123_SUBDOMAIN.test(name)
    ? undefined
    : 'a lowercase RFC 1123 subdomain: at most 253 of a-z, 0-9, "-" and ".", starting and ending with a letter or digit'
const dns1035Label: NameRule = (name) =>
  name.length <= 63 && DNS1035_LABEL.test(name)
    ? undefined
    : 'an RFC 1035 label: at most 63 of a-z, 0-9 and "-", starting with a letter and ending with a letter or digit'
const pathSegment: NameRule = (name) =>
  name === '.' || name === '..' || /[/%]/.test(name)
    ? 'a name that can be a URL path segment: not "." or "..", without "/" or "%"'
    : undefined

const RBAC_GROUP = 'rbac.authorization.k8s.io'

function nameRuleOf(object: KubeObject): NameRule {
  const group = groupOf(String(object.apiVersion))
  if (group === RBAC_GROUP) return pathSegment
  if (group === '' && object.kind === 'Namespace') return label
  if (group === '' && object.kind === 'Service') return dns1035Label
  return subdomain
}

const SCALABLE: Record<string, string[]> = {
  Deployment: ['apps'],
  ReplicaSet: ['apps'],
  StatefulSet: ['apps'],
  ReplicationController: ['']
}
const SELECTED_BY_TEMPLATE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'])

/** The violations of one built-in object. Fields of the wrong type are left to the schema. */
export function apiConstraintViolations(object: KubeObject): Violation[] {
  const violations: Violation[] = []
  const checkName = (value: unknown, path: FieldPath, rule: NameRule) => {
    if (typeof value !== 'string' || value === '') return
    const problem = rule(value)
    if (problem)
      violations.push({ path, message: `"${value}" is not a valid name: expected ${problem}` })
  }
  const metadata = isRecord(object.metadata) ? object.metadata : {}
  checkName(metadata.name, ['metadata', 'name'], nameRuleOf(object))
  checkName(metadata.namespace, ['metadata', 'namespace'], label)

  const group = groupOf(String(object.apiVersion))
  const kind = String(object.kind)
  const spec = isRecord(object.spec) ? object.spec : {}
  if (SCALABLE[kind]?.includes(group) && typeof spec.replicas === 'number' && spec.replicas < 0) {
    violations.push({ path: ['spec', 'replicas'], message: 'must be greater than or equal to 0' })
  }

  const pod = podSpecOf(object)
  if (pod) {
    const names = new Set<string>()
    for (const { container, path } of containersOf(pod)) {
      checkName(container.name, [...path, 'name'], label)
      if (typeof container.name === 'string') {
        if (names.has(container.name)) {
          violations.push({
            path: [...path, 'name'],
            message: `"${container.name}" is a duplicate container name`
          })
        }
        names.add(container.name)
      }
      const ports = Array.isArray(container.ports) ? container.ports : []
      ports.forEach((port, index) => {
        if (!isRecord(port)) return
        const at = [...path, 'ports', index]
        portInRange(port.containerPort, [...at, 'containerPort'], false, violations)
        portInRange(port.hostPort, [...at, 'hostPort'], true, violations)
      })
    }
  }

  if (group === '' && kind === 'Service' && Array.isArray(spec.ports)) {
    spec.ports.forEach((port, index) => {
      if (!isRecord(port)) return
      const at = ['spec', 'ports', index]
      portInRange(port.port, [...at, 'port'], false, violations)
      if (typeof port.targetPort === 'number') {
        portInRange(port.targetPort, [...at, 'targetPort'], false, violations)
      }
      portInRange(port.nodePort, [...at, 'nodePort'], true, violations)
    })
  }

  if (group === 'apps' && SELECTED_BY_TEMPLATE.has(kind) && isRecord(spec.selector)) {
    const labels = podLabelsOf(object) ?? {}
    if (!selectorMatches(spec.selector, labels)) {
      violations.push({
        path: ['spec', 'template', 'metadata', 'labels'],
        message: '`selector` does not match template `labels`'
      })
    }
  }
  return violations
}

function portInRange(
  value: unknown,
  path: FieldPath,
  zeroMeansUnset: boolean,
  violations: Violation[]
): void {
  if (typeof value !== 'number' || (zeroMeansUnset && value === 0)) return
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    violations.push({ path, message: 'must be between 1 and 65535, inclusive' })
  }
}

/** metav1.LabelSelector semantics: every matchLabels pair and every matchExpression holds. */
function selectorMatches(
  selector: Record<string, unknown>,
  labels: Record<string, unknown>
): boolean {
  const has = (key: string) => Object.hasOwn(labels, key)
  const matchLabels = isRecord(selector.matchLabels) ? selector.matchLabels : {}
  for (const [key, value] of Object.entries(matchLabels)) {
    if (!has(key) || String(labels[key]) !== String(value)) return false
  }
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []
  for (const expression of expressions) {
    if (!isRecord(expression) || typeof expression.key !== 'string') continue
    const values = Array.isArray(expression.values) ? expression.values.map(String) : []
    const key = expression.key
    const value = has(key) ? String(labels[key]) : undefined
    switch (expression.operator) {
      case 'In':
        if (value === undefined || !values.includes(value)) return false
        break
      case 'NotIn':
        if (value !== undefined && values.includes(value)) return false
        break
      case 'Exists':
        if (value === undefined) return false
        break
      case 'DoesNotExist':
        if (value !== undefined) return false
        break
    }
  }
  return true
}
