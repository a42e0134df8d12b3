// Package URLs (https://github.com/package-url/purl-spec) as VEX documents and Trivy's ignore
// files use them to name packages: pkg:type/namespace/name@version?qualifiers#subpath.

export interface Purl {
  type: string
  namespace: string
  name: string
  version?: string
  qualifiers: Record<string, string>
}

export function parsePurl(text: string): Purl | undefined {
  const match = /^pkg:([a-zA-Z][a-zA-Z0-9.+-]*)\/+([^?#]+)(?:\?([^#]*))?(?:#.*)?$/.exec(text.trim())
  if (!match) return undefined
  const type = match[1].toLowerCase()
  let rest = match[2]
  let version: string | undefined
  const at = rest.lastIndexOf('@')
  if (at > 0) {
    version = decode(rest.slice(at + 1))
    rest = rest.slice(0, at)
  }
  const segments = rest.split('/').filter((s) => s.length > 0)
  const name = decode(segments.pop() ?? '')
  if (!name) return undefined
  const qualifiers: Record<string, string> = {}
  for (const pair of (match[3] ?? '').split('&')) {
    if (!pair) continue
    const eq = pair.indexOf('=')
    if (eq <= 0) continue
    qualifiers[pair.slice(0, eq).toLowerCase()] = decode(pair.slice(eq + 1))
  }
  return {
    type,
    namespace: segments.map(decode).join('/'),
    name,
    ...(version ? { version } : {}),
    qualifiers
  }
}

/**
 * Whether `pattern` (from a VEX statement or an ignore file) names `target` (a finding's
 * package), as Trivy matches them: type, namespace and name must be equal; a pattern without a
 * version matches every version; the pattern's qualifiers must all be present in the target
 * (extra ones on the target are fine).
 */
export function purlMatches(pattern: Purl, target: Purl): boolean {
  if (pattern.type !== target.type) return false
  if (normaliseName(pattern, pattern.namespace) !== normaliseName(target, target.namespace)) {
    return false
  }
  if (normaliseName(pattern, pattern.name) !== normaliseName(target, target.name)) return false
  if (pattern.version !== undefined && pattern.version !== target.version) return false
  return Object.entries(pattern.qualifiers).every(
    ([key, value]) => target.qualifiers[key] === value
  )
}

/** The purl-spec's per-type rules that matter here: case-insensitive names, pypi's `_` as `-`. */
function normaliseName(purl: Purl, text: string): string {
  switch (purl.type) {
    case 'pypi':
      return text.toLowerCase().replace(/_/g, '-')
    case 'npm':
    case 'deb':
    case 'apk':
    case 'github':
    case 'golang':
    case 'oci':
      return text.toLowerCase()
    default:
      return text
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
