import { open } from 'node:fs/promises'

// A streaming reader for large JSON documents that materialises only the values a visitor asks
// for. Scanner reports reach hundreds of megabytes (100,000 findings with descriptions); parsing
// them whole needs several times their size in memory, while the gate needs a few fields of each
// finding. The reader keeps one chunk plus the value being parsed.

export type JsonPath = (string | number)[]

/**
 * `enter`: descend into an object or array (its members are visited in turn);
 * `parse`: hand the whole value to `value()`; `skip`: pass over it; a `ParseWithout`: parse an object
 * without some of its keys (cheaper than parsing them: long lists are never decoded).
 */
export type JsonVisit = 'enter' | 'parse' | 'skip' | ParseWithout

export class ParseWithout {
  readonly keys: Buffer[]
  readonly whenSeen: { key: Buffer; seen: (value: string) => boolean; omit: Buffer[] } | undefined

  /**
   * `whenSeen`: when the object's `key` member (a string, before the others) is a value
   * `seen` answers true for, `omit` those members too: Trivy repeats a vulnerability's title and
   * description for every package it affects, and one copy is enough. Best effort: objects laid
   * out otherwise keep those members.
   */
  constructor(
    keys: Iterable<string>,
    whenSeen?: { key: string; seen: (value: string) => boolean; omit: string[] }
  ) {
    this.keys = [...keys].map(keyBytes)
    this.whenSeen = whenSeen && {
      key: keyBytes(whenSeen.key),
      seen: whenSeen.seen,
      omit: [...this.keys, ...whenSeen.omit.map(keyBytes)]
    }
  }
}

function keyBytes(key: string): Buffer {
  return Buffer.from(JSON.stringify(key).slice(1, -1), 'utf8')
}

export interface JsonVisitor {
  /** Called for each value inside entered containers. `path` is reused: copy it to keep it. */
  visit(path: JsonPath): JsonVisit
  value?(path: JsonPath, value: unknown): void
  enter?(path: JsonPath, kind: 'object' | 'array'): void
  leave?(path: JsonPath, kind: 'object' | 'array'): void
}

export class JsonStreamError extends Error {}

export interface StreamOptions {
  chunkSize?: number
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const COMMA = 0x2c
const COLON = 0x3a

/** Bytes that matter when finding where a container ends; everything else is passed over. */
const IS_QUOTE = 1
const IS_OPEN = 2
const IS_CLOSE = 3
const IS_COMMA = 4
const STRUCTURAL = new Uint8Array(256)
STRUCTURAL[QUOTE] = IS_QUOTE
STRUCTURAL[OPEN_BRACE] = IS_OPEN
STRUCTURAL[OPEN_BRACKET] = IS_OPEN
STRUCTURAL[CLOSE_BRACE] = IS_CLOSE
STRUCTURAL[CLOSE_BRACKET] = IS_CLOSE
/** The same, with commas: for finding the members of an object. */
const MEMBERS = Uint8Array.from(STRUCTURAL)
MEMBERS[COMMA] = IS_COMMA

/** What a container expects next. */
const Expect = { Value: 0, KeyOrEnd: 1, Key: 2, Colon: 3, CommaOrEnd: 4, ValueOrEnd: 5 } as const

interface Frame {
  kind: 'object' | 'array'
  expect: (typeof Expect)[keyof typeof Expect]
}

/** Reads a JSON file in chunks and walks it with `visitor`. */
export async function streamJsonFile(
  file: string,
  visitor: JsonVisitor,
  options: StreamOptions = {}
): Promise<void> {
  const handle = await open(file, 'r')
  try {
    const chunkSize = options.chunkSize ?? 4 << 20
    const walker = new JsonWalker(visitor)
    // Each chunk is read behind some headroom, where the unfinished token of the previous chunk
    // is copied, so the chunk itself is not copied again.
    const read = (size: number) =>
      handle.read(Buffer.allocUnsafe(HEADROOM + size), HEADROOM, size, null)
    // The next chunk is read while this one is walked.
    let next = read(chunkSize)
    for (;;) {
      const { bytesRead, buffer } = await next
      if (bytesRead === 0) break
      // A value longer than a chunk: read as much as it holds already, so copying stays linear.
      next = read(Math.max(chunkSize, walker.pendingBytes()))
      walker.push(buffer, HEADROOM, HEADROOM + bytesRead)
    }
    walker.end()
  } finally {
    await handle.close()
  }
}

/** The same walk over text already in memory, in chunks of `chunkSize` bytes (tests use tiny ones). */
export function streamJsonText(text: string | Buffer, visitor: JsonVisitor, chunkSize = 1 << 20) {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
  const walker = new JsonWalker(visitor)
  for (let start = 0; start < bytes.length; start += chunkSize) {
    const chunk = bytes.subarray(start, start + chunkSize)
    walker.push(chunk, 0, chunk.length)
  }
  walker.end()
}

const HEADROOM = 64 << 10

class JsonWalker {
  private buf: Buffer = Buffer.alloc(0)
  private pos = 0
  /** Bytes consumed before `buf`, for error offsets. */
  private consumed = 0
  private readonly frames: Frame[] = []
  private readonly path: JsonPath = []
  private rootDone = false
  private ended = false
  /** A value whose end is not in the buffer yet: the visit decided, and where its scan resumes. */
  private pendingVisit: JsonVisit | undefined
  private scanOffset = -1
  private scanDepth = 0

  constructor(private readonly visitor: JsonVisitor) {}

  /** Walks buffer[start..end), after what was left unwalked of the previous chunk. */
  push(buffer: Buffer, start: number, end: number): void {
    const rest = this.buf.length - this.pos
    this.consumed += this.pos
    if (rest === 0) {
      this.buf = buffer.subarray(start, end)
    } else if (rest <= start) {
      this.buf.copy(buffer, start - rest, this.pos)
      this.buf = buffer.subarray(start - rest, end)
    } else {
      this.buf = Buffer.concat([this.buf.subarray(this.pos), buffer.subarray(start, end)])
    }
    this.pos = 0
    if (
      this.consumed === 0 &&
      this.buf[0] === 0xef &&
      this.buf[1] === 0xbb &&
      this.buf[2] === 0xbf
    ) {
      this.pos = 3
    }
    this.run()
  }

  /** Bytes of an unfinished value held in the buffer. */
  pendingBytes(): number {
    return this.pendingVisit === undefined ? 0 : this.buf.length - this.pos
  }

  end(): void {
    this.ended = true
    this.run()
    if (!this.rootDone) {
      throw new JsonStreamError(
        this.consumed + this.buf.length === 0 ? 'the file is empty' : 'the JSON ends too early'
      )
    }
  }

  /** Processes whole tokens until the buffer runs out; a partial token waits for the next chunk. */
  private run(): void {
    for (;;) {
      this.skipWhitespace()
      if (this.pos >= this.buf.length) return
      if (this.rootDone) this.fail('unexpected data after the end of the JSON')
      if (!this.step()) return
    }
  }

  /** One token or value; false when it needs more input. */
  private step(): boolean {
    const frame = this.frames[this.frames.length - 1]
    if (!frame) return this.value()
    const c = this.buf[this.pos]
    switch (frame.expect) {
      case Expect.KeyOrEnd:
        if (c === CLOSE_BRACE) return this.close('object')
        return this.key(frame)
      case Expect.Key:
        return this.key(frame)
      case Expect.Colon:
        if (c !== COLON) this.fail('expected ":"')
        this.pos++
        frame.expect = Expect.Value
        return true
      case Expect.ValueOrEnd:
        if (c === CLOSE_BRACKET) return this.close('array')
        this.path[this.frames.length - 1] = 0
        return this.value()
      case Expect.Value:
        return this.value()
      case Expect.CommaOrEnd:
        if (c === COMMA) {
          this.pos++
          if (frame.kind === 'object') {
            frame.expect = Expect.Key
          } else {
            ;(this.path[this.frames.length - 1] as number)++
            frame.expect = Expect.Value
          }
          return true
        }
        if (c === (frame.kind === 'object' ? CLOSE_BRACE : CLOSE_BRACKET))
          return this.close(frame.kind)
        return this.fail(`expected "," or "${frame.kind === 'object' ? '}' : ']'}"`)
    }
  }

  private key(frame: Frame): boolean {
    if (this.buf[this.pos] !== QUOTE) this.fail('expected a key')
    const end = stringEnd(this.buf, this.pos + 1)
    if (end < 0) return this.needMore()
    this.path[this.frames.length - 1] = decodeString(this.buf, this.pos, end + 1)
    this.pos = end + 1
    frame.expect = Expect.Colon
    return true
  }

  /** A value at the current path: visited, then entered, parsed or skipped. */
  private value(): boolean {
    const c = this.buf[this.pos]
    const visit = this.pendingVisit ?? this.visitor.visit(this.path)
    if (visit === 'enter' && (c === OPEN_BRACE || c === OPEN_BRACKET)) {
      const kind = c === OPEN_BRACE ? 'object' : 'array'
      this.pos++
      const parent = this.frames[this.frames.length - 1]
      if (parent) parent.expect = Expect.CommaOrEnd
      this.frames.push({ kind, expect: kind === 'object' ? Expect.KeyOrEnd : Expect.ValueOrEnd })
      this.path.push(kind === 'object' ? '' : 0)
      this.visitor.enter?.(this.path.slice(0, -1), kind)
      return true
    }
    if (visit instanceof ParseWithout && c === OPEN_BRACE) {
      const parsed = this.parseWithout(visit)
      if (!parsed) {
        this.pendingVisit = visit
        return this.needMore()
      }
      this.pendingVisit = undefined
      this.visitor.value?.(this.path, parsed.value)
      this.pos = parsed.end
    } else {
      // Skipped values are scanned like parsed ones (to find their end), just not decoded.
      const end = this.valueEnd()
      if (end < 0) {
        this.pendingVisit = visit
        return this.needMore()
      }
      this.pendingVisit = undefined
      if (visit !== 'skip') this.visitor.value?.(this.path, this.parseSlice(this.pos, end))
      this.pos = end
    }
    const parent = this.frames[this.frames.length - 1]
    if (parent) parent.expect = Expect.CommaOrEnd
    else this.rootDone = true
    return true
  }

  private close(kind: 'object' | 'array'): boolean {
    this.pos++
    this.frames.pop()
    this.path.pop()
    this.visitor.leave?.(this.path, kind)
    if (this.frames.length === 0) this.rootDone = true
    return true
  }

  /** The end (exclusive) of the value at `pos`, or -1 when the buffer holds only part of it. */
  private valueEnd(): number {
    const buf = this.buf
    const c = buf[this.pos]
    if (c === QUOTE) {
      const end = stringEnd(buf, this.pos + 1)
      return end < 0 ? -1 : end + 1
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      // Resumes where the previous attempt stopped, so a value spanning many chunks is scanned once.
      let depth = this.scanOffset < 0 ? 0 : this.scanDepth
      let i = this.scanOffset < 0 ? this.pos : this.pos + this.scanOffset
      const length = buf.length
      for (; i < length; i++) {
        const kind = STRUCTURAL[buf[i]]
        if (kind === 0) continue
        if (kind === IS_QUOTE) {
          const end = stringEnd(buf, i + 1)
          if (end < 0) break
          i = end
        } else if (kind === IS_OPEN) {
          depth++
        } else if (--depth === 0) {
          this.scanOffset = -1
          return i + 1
        }
      }
      this.scanOffset = i - this.pos
      this.scanDepth = depth
      return -1
    }
    for (let i = this.pos; i < buf.length; i++) {
      const b = buf[i]
      if (b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || isWhitespace(b)) {
        if (i === this.pos) this.fail('expected a value')
        return i
      }
    }
    return this.ended ? buf.length : -1
  }

  private parseSlice(start: number, end: number): unknown {
    const buf = this.buf
    if (buf[start] === QUOTE) return decodeString(buf, start, end)
    try {
      return JSON.parse(buf.toString('utf8', start, end))
    } catch (error) {
      return this.fail((error as Error).message.replace(/ in JSON at position \d+.*$/, ''))
    }
  }

  /**
   * The object at `pos` without the members named in `omit`, and where it ends; undefined when
   * the buffer does not hold all of it. Pretty-printed input (what scanners write) takes a fast
   * path that finds members by their indentation with native searches, and JSON.parse checks
   * the result; anything else is scanned byte by byte.
   */
  private parseWithout(visit: ParseWithout): { value: unknown; end: number } | undefined {
    const omit = visit.keys
    const fast = indentedMembers(this.buf, this.pos, visit)
    if (fast) {
      try {
        return {
          value: JSON.parse(piecesText(this.buf, this.pos, fast.end, fast.cuts)),
          end: fast.end
        }
      } catch {
        // not laid out as it looked: the exact scan below decides
      }
    }
    const exact = membersWithout(this.buf, this.pos, omit)
    if (!exact) return undefined
    try {
      return {
        value: JSON.parse(piecesText(this.buf, this.pos, exact.end, exact.cuts)),
        end: exact.end
      }
    } catch (error) {
      return this.fail((error as Error).message.replace(/ in JSON at position \d+.*$/, ''))
    }
  }

  private needMore(): boolean {
    if (this.ended) this.fail('the JSON ends too early')
    return false
  }

  private skipWhitespace(): void {
    const buf = this.buf
    let i = this.pos
    while (i < buf.length && isWhitespace(buf[i])) i++
    this.pos = i
  }

  private fail(message: string): never {
    throw new JsonStreamError(`${message} at byte ${this.consumed + this.pos}`)
  }
}

function isWhitespace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09
}

/**
 * The end of the object at `start` and the ranges to cut out of it so that the members named
 * in `omit` are gone (with their commas), as [from, to, from, to, ...]; undefined when the
 * buffer ends first.
 */
function membersWithout(
  buf: Buffer,
  start: number,
  omit: Buffer[]
): { end: number; cuts: number[] } | undefined {
  const cuts: number[] = []
  let depth = 0
  /** Where the member being cut starts (its preceding comma, or its key when it is the first). */
  let cutFrom = -1
  let cutIsFirst = false
  let lastComma = -1
  let expectKey = false
  for (let i = start; i < buf.length; i++) {
    const kind = MEMBERS[buf[i]]
    if (kind === 0) continue
    if (kind === IS_QUOTE) {
      const end = stringEnd(buf, i + 1)
      if (end < 0) return undefined
      if (depth === 1 && expectKey) {
        expectKey = false
        if (isOneOf(buf, i + 1, end, omit)) {
          cutIsFirst = lastComma < 0
          cutFrom = cutIsFirst ? i : lastComma
        }
      }
      i = end
    } else if (kind === IS_OPEN) {
      if (++depth === 1) expectKey = true
    } else if (kind === IS_CLOSE) {
      if (--depth === 0) {
        if (cutFrom >= 0) cuts.push(cutFrom, i)
        return { end: i + 1, cuts }
      }
    } else if (depth === 1) {
      if (cutFrom >= 0) {
        cuts.push(cutFrom, cutIsFirst ? i + 1 : i)
        cutFrom = -1
      }
      lastComma = cutIsFirst && cuts.length > 0 && cuts[cuts.length - 1] === i + 1 ? -1 : i
      expectKey = true
    }
  }
  return undefined
}

/** buf[start..end) less the `cuts` ranges, as text. */
function piecesText(buf: Buffer, start: number, end: number, cuts: number[]): string {
  let text = ''
  let from = start
  for (let i = 0; i < cuts.length; i += 2) {
    text += buf.toString('utf8', from, cuts[i])
    from = cuts[i + 1]
  }
  return text + buf.toString('utf8', from, end)
}

const NEWLINE = 0x0a
const SPACE = 0x20
const TAB = 0x09

/**
 * The fast path of parseWithout for an object laid out one member per line: its members are the
 * lines indented as its first member is, starting with a quote; its closing brace is the first
 * line holding the brace at the indentation of the line the object opens on. (JSON strings
 * cannot hold a raw newline, so no such line is inside a string.) Lines are found with
 * indexOf('\n'), which is much faster than scanning every byte. Undefined when the layout is
 * different or the object is not all in the buffer; the caller checks the result with JSON.parse.
 */
function indentedMembers(
  buf: Buffer,
  start: number,
  visit: ParseWithout
): { end: number; cuts: number[] } | undefined {
  let omit = visit.keys
  const whenSeen = visit.whenSeen
  const lineStart = buf.lastIndexOf(NEWLINE, start) + 1
  if (lineStart === 0 || buf[start + 1] !== NEWLINE) return undefined
  const outer = start - lineStart
  for (let i = lineStart; i < start; i++) if (buf[i] !== SPACE && buf[i] !== TAB) return undefined
  const memberIndent = start + 2
  let inner = 0
  while (buf[memberIndent + inner] === SPACE || buf[memberIndent + inner] === TAB) inner++
  if (inner <= outer || buf[memberIndent + inner] !== QUOTE) return undefined

  // Cuts: with a kept member before it, from the comma ending that member up to the comma ending
  // this one; otherwise this member with its own comma. Either way consecutive cuts join up.
  const cuts: number[] = []
  let keptOne = false
  let member = start + 1
  /** Once this member is read, whether its value was seen. */
  let peeking = whenSeen !== undefined && keyIs(buf, memberIndent + inner, whenSeen.key)
  let cutting = isOmitted(buf, memberIndent + inner, omit)
  if (cutting === undefined) return undefined
  for (let at = start + 1; ;) {
    let line = buf.indexOf(NEWLINE, at + 1)
    if (line < 0) return undefined
    // A member whose value opens a list or object at the end of its line ("References": [):
    // its closing bracket is the first one at the member's indentation. One native search for
    // the bracket passes over all the lines in between.
    const opener = buf[line - 1]
    if (at === member && (opener === OPEN_BRACKET || opener === OPEN_BRACE)) {
      const closer = opener === OPEN_BRACKET ? CLOSE_BRACKET : CLOSE_BRACE
      let q = buf.indexOf(closer, line)
      while (
        q >= 0 &&
        !(buf[q - inner - 1] === NEWLINE && isIndent(buf, q - inner, inner, memberIndent))
      )
        q = buf.indexOf(closer, q + 1)
      if (q < 0) return undefined
      line = buf.indexOf(NEWLINE, q)
      if (line < 0) return undefined
    }
    if (buf[line + 1 + outer] === CLOSE_BRACE && isIndent(buf, line + 1, outer, lineStart)) {
      if (cutting) cuts.push(keptOne ? member - 1 : member, line)
      return { end: line + 2 + outer, cuts }
    }
    const key = line + 1 + inner
    if (buf[key] === QUOTE && isIndent(buf, line + 1, inner, memberIndent)) {
      if (buf[line - 1] !== COMMA) return undefined
      if (peeking && whenSeen) {
        peeking = false
        const value = memberString(buf, member + 1 + inner, line - 1)
        if (value !== undefined && whenSeen.seen(value)) omit = whenSeen.omit
      }
      if (cutting) cuts.push(keptOne ? member - 1 : member, keptOne ? line - 1 : line)
      else keptOne = true
      cutting = isOmitted(buf, key, omit)
      if (cutting === undefined) return undefined
      member = line
    }
    at = line
  }
}

/** The string value of the one-line member buf[from..to) (`"key": "value"`), if it is one. */
function memberString(buf: Buffer, from: number, to: number): string | undefined {
  const keyEnd = stringEnd(buf, from + 1)
  let i = keyEnd + 1
  while (buf[i] === SPACE) i++
  if (buf[i] !== COLON) return undefined
  i++
  while (buf[i] === SPACE) i++
  if (buf[i] !== QUOTE) return undefined
  const end = stringEnd(buf, i + 1)
  return end === to - 1 ? decodeString(buf, i, end + 1) : undefined
}

function keyIs(buf: Buffer, quote: number, key: Buffer): boolean {
  return (
    isOneOf(buf, quote + 1, quote + 1 + key.length, [key]) && buf[quote + 1 + key.length] === QUOTE
  )
}

/** Whether the key whose opening quote is at `quote` is one of `omit`; undefined if cut off. */
function isOmitted(buf: Buffer, quote: number, omit: Buffer[]): boolean | undefined {
  const end = stringEnd(buf, quote + 1)
  return end < 0 ? undefined : isOneOf(buf, quote + 1, end, omit)
}

/** Whether buf[from..from+length) is the same whitespace as buf[model..model+length). */
function isIndent(buf: Buffer, from: number, length: number, model: number): boolean {
  for (let i = 0; i < length; i++) if (buf[from + i] !== buf[model + i]) return false
  return true
}

/** Whether buf[from..to) spells one of `names`. */
function isOneOf(buf: Buffer, from: number, to: number, names: Buffer[]): boolean {
  const length = to - from
  for (const name of names) {
    if (name.length !== length) continue
    let same = true
    for (let k = 0; k < length; k++) {
      if (buf[from + k] !== name[k]) {
        same = false
        break
      }
    }
    if (same) return true
  }
  return false
}

/** Index of the quote closing a string whose content starts at `from`, or -1 if not in `buf`. */
function stringEnd(buf: Buffer, from: number): number {
  // Most strings (keys, versions) are short: a plain loop beats indexOf's call for them.
  const stop = Math.min(from + 24, buf.length)
  for (let i = from; i < stop; i++) {
    const b = buf[i]
    if (b === BACKSLASH) break
    if (b === QUOTE) return i
  }
  let q = from
  for (;;) {
    q = buf.indexOf(QUOTE, q)
    if (q < 0) return -1
    let backslashes = 0
    for (let k = q - 1; buf[k] === BACKSLASH; k--) backslashes++
    if ((backslashes & 1) === 0) return q
    q++
  }
}

/** The string token buf[start..end) (quotes included), unescaped. */
function decodeString(buf: Buffer, start: number, end: number): string {
  let escaped = false
  for (let i = start + 1; i < end - 1; i++) {
    if (buf[i] === BACKSLASH) {
      escaped = true
      break
    }
  }
  const text = buf.toString('utf8', start, end)
  return escaped ? (JSON.parse(text) as string) : text.slice(1, -1)
}
