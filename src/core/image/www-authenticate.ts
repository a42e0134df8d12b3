// WWW-Authenticate (RFC 7235 section 4.1): one or more challenges, each a scheme followed by
// either a token68 or comma-separated auth-params whose values are tokens or quoted strings.
//
//   Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"
//   Basic realm="Registry Realm", Bearer realm="https://ghcr.io/token",service="ghcr.io"

export interface Challenge {
  /** Lower case: "bearer", "basic" */
  scheme: string
  /** Parameter names in lower case; values unquoted. */
  params: Record<string, string>
  token68?: string
}

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/

export function parseWwwAuthenticate(header: string | string[] | undefined): Challenge[] {
  if (header === undefined) return []
  const text = Array.isArray(header) ? header.join(', ') : header
  const challenges: Challenge[] = []
  let pos = 0

  const skip = (chars: RegExp) => {
    while (pos < text.length && chars.test(text[pos])) pos++
  }
  const token = (): string => {
    const start = pos
    while (pos < text.length && TOKEN_CHAR.test(text[pos])) pos++
    return text.slice(start, pos)
  }
  const quoted = (): string => {
    let value = ''
    pos++ // opening quote
    while (pos < text.length && text[pos] !== '"') {
      if (text[pos] === '\\' && pos + 1 < text.length) pos++
      value += text[pos++]
    }
    pos++ // closing quote (or end)
    return value
  }

  while (pos < text.length) {
    skip(/[\s,]/)
    const scheme = token()
    if (!scheme) {
      pos++ // not a token character: skip it rather than loop forever
      continue
    }
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} }
    challenges.push(challenge)
    skip(/[ \t]/)

    // token68: token68 characters, then "="s, then the end or a comma
    const token68 = /^[A-Za-z0-9\-._~+/]+=*\s*(?:,|$)/.exec(text.slice(pos))
    if (token68 && !/^[^=,\s]+=[^=,\s]/.test(text.slice(pos))) {
      let end = pos
      while (end < text.length && (TOKEN68_CHAR.test(text[end]) || text[end] === '=')) end++
      challenge.token68 = text.slice(pos, end)
      pos = end
      continue
    }

    // auth-params until the next challenge (a token not followed by "=")
    for (;;) {
      skip(/[\s,]/)
      const start = pos
      const name = token()
      if (!name) break
      skip(/[ \t]/)
      if (text[pos] !== '=') {
        pos = start // the scheme of the next challenge
        break
      }
      pos++
      skip(/[ \t]/)
      challenge.params[name.toLowerCase()] = text[pos] === '"' ? quoted() : token()
    }
  }
  return challenges
}
