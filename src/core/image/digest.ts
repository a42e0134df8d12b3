import { createHash, type Hash } from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'
import { UserError } from '../errors.js'

// Content digests (algorithm:hex, OCI image spec "Digests"), computed and verified while
// streaming: nothing slipway reads from a registry is used before its digest is checked.

const HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 }

export interface Digest {
  algorithm: 'sha256' | 'sha384' | 'sha512'
  hex: string
}

/** Parses and validates a digest; throws a UserError saying what is wrong. */
export function parseDigest(text: string): Digest {
  const colon = text.indexOf(':')
  if (colon <= 0) throw new UserError(`invalid digest "${text}": expected algorithm:hex`)
  const algorithm = text.slice(0, colon)
  const hex = text.slice(colon + 1)
  const length = HEX_LENGTH[algorithm]
  if (!length) {
    throw new UserError(`unsupported digest algorithm "${algorithm}" (sha256, sha384 or sha512)`)
  }
  if (hex.length !== length) {
    throw new UserError(
      `invalid ${algorithm} digest: ${hex.length} hex characters, expected ${length}`
    )
  }
  if (!/^[a-f0-9]+$/.test(hex)) {
    throw new UserError(`invalid ${algorithm} digest: only lowercase hex characters are allowed`)
  }
  return { algorithm: algorithm as Digest['algorithm'], hex }
}

export function isDigest(text: string): boolean {
  try {
    parseDigest(text)
    return true
  } catch {
    return false
  }
}

/** The digest of some bytes, with the algorithm of `like` (sha256 by default). */
export function digestOf(bytes: Uint8Array, like?: string): string {
  const algorithm = like ? parseDigest(like).algorithm : 'sha256'
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`
}

/** `sha256:0123456789ab`, for messages. */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':')
  return colon === -1 ? digest : digest.slice(0, colon + 13)
}

/**
 * Thrown when content does not match its digest or size. A copy tries the blob again (a
 * middlebox may have mangled it), within its retry budget.
 */
export class DigestMismatchError extends UserError {
  readonly retryable = true
  constructor(message: string) {
    super(message)
    this.name = 'DigestMismatchError'
  }
}

/**
 * A pass-through stream that hashes what flows through it and fails at the end when the
 * content does not have the expected digest (and size, when known). Data flows on as it
 * arrives, so a consumer (an upload) must not commit before the stream has ended cleanly.
 */
export class DigestVerifier extends Transform {
  private readonly hash: Hash
  private readonly expected: Digest
  bytes = 0

  constructor(
    readonly digest: string,
    readonly expectedSize?: number,
    readonly what = 'blob'
  ) {
    super({ highWaterMark: 1 << 20 })
    this.expected = parseDigest(digest)
    this.hash = createHash(this.expected.algorithm)
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length
    if (this.expectedSize !== undefined && this.bytes > this.expectedSize) {
      done(this.mismatch(`more than the expected ${this.expectedSize} bytes`))
      return
    }
    this.hash.update(chunk)
    done(null, chunk)
  }

  override _flush(done: TransformCallback): void {
    if (this.expectedSize !== undefined && this.bytes !== this.expectedSize) {
      done(this.mismatch(`${this.bytes} bytes, expected ${this.expectedSize}`))
      return
    }
    const actual = this.hash.digest('hex')
    if (actual !== this.expected.hex) {
      done(this.mismatch(`content has digest ${this.expected.algorithm}:${actual}`))
      return
    }
    done()
  }

  private mismatch(detail: string): DigestMismatchError {
    return new DigestMismatchError(`${this.what} ${this.digest} does not match: ${detail}`)
  }
}
