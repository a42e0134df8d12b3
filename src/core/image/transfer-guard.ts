import type { ClientRequest, IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'

// Limits on one HTTP exchange beyond the idle timeout, which a server defeats by sending a byte
// now and then: a deadline for the whole exchange, and a minimum transfer rate while a body
// moves. Both end the exchange with a TransferLimitError that names the host.

export interface TransferLimits {
  /** From sending the request to the last byte of the answer (default 30 min). */
  requestTimeoutMs?: number
  /** Fewer bytes than this per second over a window fails (default 1 KiB/s; 0: no minimum). */
  minBytesPerSecond?: number
  /** The window the rate is measured over (default 30 s). */
  minRateWindowMs?: number
}

export const DEFAULT_TRANSFER_LIMITS: Required<TransferLimits> = {
  requestTimeoutMs: 30 * 60_000,
  minBytesPerSecond: 1024,
  minRateWindowMs: 30_000
}

/** Too slow: not retried, since another attempt at the same server would be as slow. */
export class TransferLimitError extends Error {
  readonly code = 'ESLOWTRANSFER'
  readonly retryable = false
}

/**
 * Watches one exchange. The rate counts only while the server is the one to move: while our
 * request body waits to be taken, or while the answer's body is awaited with nothing of it left
 * unread (a reader that is itself slow, like an upload elsewhere, is not the server's fault).
 */
export function guardTransfer(
  req: ClientRequest,
  host: string,
  limits: TransferLimits,
  fail: (error: TransferLimitError) => void
): { response(res: IncomingMessage): void } {
  const defaults = DEFAULT_TRANSFER_LIMITS
  const requestTimeoutMs = limits.requestTimeoutMs ?? defaults.requestTimeoutMs
  const minBytesPerSecond = limits.minBytesPerSecond ?? defaults.minBytesPerSecond
  const minRateWindowMs = limits.minRateWindowMs ?? defaults.minRateWindowMs
  let res: IncomingMessage | undefined
  let socket: Socket | undefined
  let last = { read: 0, written: 0 }
  const timers: NodeJS.Timeout[] = []
  const stop = () => timers.forEach((timer) => clearTimeout(timer))
  const stopWith = (message: string) => {
    stop()
    fail(new TransferLimitError(message))
  }

  timers.push(
    setTimeout(
      () =>
        stopWith(
          `${host} did not finish the request within ${seconds(requestTimeoutMs)} (request deadline)`
        ),
      requestTimeoutMs
    )
  )
  if (minBytesPerSecond > 0) {
    const minimum = (minBytesPerSecond * minRateWindowMs) / 1000
    timers.push(
      setInterval(() => {
        if (!socket) return
        const now = { read: socket.bytesRead, written: socket.bytesWritten }
        const read = now.read - last.read
        const written = now.written - last.written
        last = now
        const rate = `in ${seconds(minRateWindowMs)}, below the minimum transfer rate of ${formatRate(minBytesPerSecond)}`
        if (res) {
          if (res.complete || res.readableLength > 0) return
          if (read < minimum) stopWith(`${host} sent ${plural(read, 'byte')} ${rate}`)
        } else if (req.writableLength > 0 && written < minimum) {
          stopWith(`${host} took ${plural(written, 'byte')} ${rate}`)
        }
      }, minRateWindowMs)
    )
  }
  for (const timer of timers) timer.unref()

  req.on('socket', (s: Socket) => {
    socket = s
    last = { read: s.bytesRead, written: s.bytesWritten }
  })
  req.on('close', () => {
    if (!res) stop()
  })
  return {
    response(answer) {
      res = answer
      answer.on('close', stop)
    }
  }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

export function formatRate(bytesPerSecond: number): string {
  if (bytesPerSecond >= 1 << 20 && bytesPerSecond % (1 << 20) === 0) {
    return `${bytesPerSecond / (1 << 20)} MiB/s`
  }
  if (bytesPerSecond >= 1024 && bytesPerSecond % 1024 === 0) return `${bytesPerSecond / 1024} KiB/s`
  return `${bytesPerSecond} B/s`
}
