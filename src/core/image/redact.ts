// Text that came from the user or a tool can hold credentials: a password in an image
// reference (user:password@host/...), a credential helper's output. It is cut before it goes
// into an error message.

/** user:password@ (or token@) before a host and its path, alone, quoted or after a URL scheme. */
const USERINFO = /(^|[\s"'(]|[a-z][a-z0-9+.-]*:\/\/)[^\s/@"'[\]]+@(?=[^\s/@"']+\/)/gi

/** `text` with the user information of any reference or URL in it replaced by `***`. */
export function redactUserinfo(text: string): string {
  return text.replace(USERINFO, '$1***@')
}

/** Whether an image reference starts with user information (`user:password@host/...`). */
export function hasUserinfo(reference: string): boolean {
  const first = reference.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/', 1)[0]
  return first.includes('@') && !first.includes('[') && reference.includes('/')
}
