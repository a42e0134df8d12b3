import { parseArgs } from 'node:util'
import { errorMessage } from '../core/errors.js'
import { copyImage } from '../core/image/copy.js'
import { parseReference } from '../core/image/reference.js'
import { RegistryClient } from '../core/image/registry.js'
import { DEFAULT_TRANSFER_LIMITS, formatRate } from '../core/image/transfer-guard.js'
import { formatDuration, parseDuration } from '../core/duration.js'

// slipway image copy SRC DST: the registry copy, over src/core/image.

interface Io {
  out: (text: string) => void
  err: (text: string) => void
}

const USAGE_EXIT = 2

export const IMAGE_HELP = `Usage: slipway image copy SRC DST [--format text|json] [--insecure HOST]... [--concurrency N]
                         [--request-timeout D] [--min-rate RATE] [--min-rate-window D]

Copies an image by digest, with all platforms of a multi-arch index: a tag in the same
repository without moving blobs, another repository of the registry by mounting blobs,
another registry by streaming them. DST gets the manifest last, so it never points at a
partial image. Prints the digest (--format json: digest, media type, blob counts).

Credentials come from ~/.docker/config.json ($DOCKER_CONFIG): docker login, credential
helpers. Loopback registries may use plain HTTP; --insecure HOST allows it for another
(repeatable; HOST or HOST:PORT).

A registry that stalls cannot hold a copy forever: each request must finish within
--request-timeout (default ${formatDuration(DEFAULT_TRANSFER_LIMITS.requestTimeoutMs)}), and while a body moves the registry must keep at
least --min-rate bytes per second (default ${formatRate(DEFAULT_TRANSFER_LIMITS.minBytesPerSecond)}; k and M for KiB and MiB, 0 for
no minimum) over each --min-rate-window (default ${formatDuration(DEFAULT_TRANSFER_LIMITS.minRateWindowMs)}).
`

export async function imageCommand(args: string[], io: Io): Promise<number> {
  const [subcommand, ...rest] = args
  if (subcommand === 'copy') return copyCommand(rest, io)
  if (subcommand === undefined || subcommand === 'help') {
    io.out(IMAGE_HELP)
    return subcommand ? 0 : USAGE_EXIT
  }
  io.err(`slipway image: unknown subcommand "${subcommand}" (see slipway help image)\n`)
  return USAGE_EXIT
}

async function copyCommand(args: string[], io: Io): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        insecure: { type: 'string', multiple: true, default: [] },
        concurrency: { type: 'string' },
        config: { type: 'string' },
        'request-timeout': { type: 'string' },
        'min-rate': { type: 'string' },
        'min-rate-window': { type: 'string' }
      }
    })
  } catch (error) {
    return usage(io, errorMessage(error))
  }
  const { values, positionals } = parsed
  if (positionals.length !== 2) return usage(io, 'expected SRC and DST')
  const format = values.format as string
  if (format !== 'text' && format !== 'json') {
    return usage(io, `--format must be one of text, json, got "${format}"`)
  }
  const concurrency = values.concurrency === undefined ? 4 : Number(values.concurrency)
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    return usage(
      io,
      `--concurrency must be a whole number from 1 to 64, got "${values.concurrency}"`
    )
  }

  const requestTimeoutMs = durationFlag(values['request-timeout'])
  if (requestTimeoutMs === null) {
    return usage(
      io,
      `--request-timeout must be a duration such as 10m, got "${values['request-timeout']}"`
    )
  }
  const minRateWindowMs = durationFlag(values['min-rate-window'])
  if (minRateWindowMs === null) {
    return usage(
      io,
      `--min-rate-window must be a duration such as 30s, got "${values['min-rate-window']}"`
    )
  }
  const minBytesPerSecond = rateFlag(values['min-rate'])
  if (minBytesPerSecond === null) {
    return usage(
      io,
      `--min-rate must be bytes per second such as 1024, 10k or 1M, got "${values['min-rate']}"`
    )
  }

  // Bad references are the user's to fix: UserError, one line, exit 1.
  const source = parseReference(positionals[0])
  const destination = parseReference(positionals[1])
  const client = new RegistryClient({
    insecure: values.insecure as string[],
    requestTimeoutMs,
    minRateWindowMs,
    minBytesPerSecond
  })
  const result = await copyImage(source, destination, client, { concurrency })
  if (format === 'json') {
    const output = {
      digest: result.digest,
      mediaType: result.mediaType,
      source: source.toString(),
      destination: destination.toString(),
      blobs: {
        copied: result.blobsCopied,
        mounted: result.blobsMounted,
        skipped: result.blobsSkipped,
        bytes: result.bytes
      },
      manifests: result.manifests
    }
    io.out(JSON.stringify(output, null, 2) + '\n')
  } else {
    io.out(`${result.digest}\n`)
  }
  return 0
}

/** undefined when not given, null when not a positive duration. */
function durationFlag(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined
  const ms = parseDuration(value)
  return ms !== undefined && ms > 0 ? ms : null
}

/** Bytes per second: 1024, 10k (KiB), 1M (MiB); 0 turns the minimum off. */
function rateFlag(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(value)
  if (!match) return null
  const unit = { '': 1, k: 1024, m: 1 << 20 }[match[2].toLowerCase() as '' | 'k' | 'm']
  return Math.round(Number(match[1]) * unit)
}

function usage(io: Io, message: string): number {
  io.err(`slipway image copy: ${message} (see slipway help image)\n`)
  return USAGE_EXIT
}
