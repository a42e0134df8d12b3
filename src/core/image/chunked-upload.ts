import type { Readable } from 'node:stream'
import type { CallTarget, RegistryTransport } from './registry-transport.js'
import { RegistryError } from './registry-error.js'
import { RetryBudget } from './retry.js'

// Chunked blob upload (distribution spec "chunked upload"): the body goes in PATCH requests of
// a fixed size with Content-Range; a PATCH that fails is not blindly repeated: the registry is
// asked how much it has (GET on the upload location, Range header) and the rest is sent.

/** PATCHes the body in chunks; returns the location for the closing PUT and the bytes sent. */
export async function uploadInChunks(
  transport: RegistryTransport,
  target: CallTarget,
  location: URL,
  body: Buffer | Readable,
  chunkSize: number
): Promise<{ location: URL; bytes: number }> {
  let offset = 0
  for await (const chunk of chunksOf(body, chunkSize)) {
    location = await patchChunk(transport, target, location, chunk, offset)
    offset += chunk.length
  }
  return { location, bytes: offset }
}

/** One PATCH of a chunked upload; after a failure, asks where the upload stands and resumes. */
async function patchChunk(
  transport: RegistryTransport,
  target: CallTarget,
  location: URL,
  chunk: Buffer,
  offset: number
): Promise<URL> {
  const budget = new RetryBudget(transport.retry)
  let sent = 0
  for (;;) {
    try {
      const response = await transport.call({
        ...target,
        method: 'PATCH',
        url: location,
        headers: {
          'content-type': 'application/octet-stream',
          'content-range': `${offset + sent}-${offset + chunk.length - 1}`
        },
        body: chunk.subarray(sent),
        once: true
      })
      response.discard()
      if (response.status === 202 || response.status === 204)
        return transport.location(response, target.what, location)
      const error = await transport.failure(response, target.what)
      // 416: the registry disagrees about the offset; the whole blob starts over.
      if (response.status === 416) {
        throw new RegistryError(error.message, { status: 416, code: error.code, retryable: true })
      }
      throw error
    } catch (error) {
      const retryable = (error as { retryable?: boolean }).retryable === true
      if (!retryable) throw error
      const decision = budget.next((error as RegistryError).retryAfterMs)
      if (!decision.retry) throw new RegistryError((error as Error).message)
      await budget.sleep(decision.delayMs)
      const status = await uploadStatus(transport, target, location)
      location = status.location
      sent = Math.max(0, Math.min(chunk.length, status.received - offset))
      if (sent === chunk.length) return location
    }
  }
}

/** How many bytes of an upload the registry has (GET on the upload location). */
async function uploadStatus(
  transport: RegistryTransport,
  target: CallTarget,
  location: URL
): Promise<{ location: URL; received: number }> {
  const response = await transport.call({ ...target, method: 'GET', url: location })
  response.discard()
  if (response.status !== 204 && response.status !== 200) {
    const error = await transport.failure(response, `${target.what} (upload status)`)
    // The session is gone: the whole blob must start over.
    throw new RegistryError(error.message, {
      status: error.status,
      code: error.code,
      retryable: true
    })
  }
  // "0-N": bytes 0 to N are there. Registries say "0-0" for an empty upload too (distribution
  // does), so "0-0" is taken as nothing: resending one byte costs less than skipping one.
  const range = /^(?:bytes=)?(\d+)-(\d+)$/.exec(response.header('range') ?? '')
  const end = range ? Number(range[2]) : -1
  return {
    location: transport.location(response, target.what, location),
    received: end > 0 ? end + 1 : 0
  }
}

/** The body in buffers of `size` bytes (the last one shorter). */
export async function* chunksOf(body: Buffer | Readable, size: number): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(body)) {
    for (let start = 0; start < body.length; start += size) yield body.subarray(start, start + size)
    return
  }
  let parts: Buffer[] = []
  let length = 0
  for await (const piece of body as AsyncIterable<Buffer>) {
    let rest = piece
    while (length + rest.length >= size) {
      const take = size - length
      parts.push(rest.subarray(0, take))
      yield Buffer.concat(parts, size)
      rest = rest.subarray(take)
      parts = []
      length = 0
    }
    if (rest.length > 0) {
      parts.push(rest)
      length += rest.length
    }
  }
  if (length > 0) yield Buffer.concat(parts, length)
}
