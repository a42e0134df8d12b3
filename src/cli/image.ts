import { parseArgs } from 'node:util'
import { errorMessage } from '../core/errors.js'
import { copyImage } from '../core/image/copy.js'
import { parseReference } from '../core/image/reference.js'
import { RegistryClient } from '../core/image/registry.js'

// slipway image copy SRC DST: the registry copy, over src/core/image.

interface Io {
  out: (text: string) => void
  err: (text: string) => void
}

const USAGE_EXIT = 2

export const IMAGE_HELP = `Usage: slipway image copy SRC DST [--format text|json] [--insecure HOST]... [--concurrency N]

Copies an image by digest, with all platforms of a multi-arch index: a tag in the same
repository without moving blobs, another repository of the registry by mounting blobs,
another registry by streaming them. DST gets the manifest last, so it never points at a
partial image. Prints the digest (--format json: digest, media type, blob counts).

Credentials come from ~/.docker/config.json ($DOCKER_CONFIG): docker login, credential
helpers. Loopback registries may use plain HTTP; --insecure HOST allows it for another
(repeatable; HOST or HOST:PORT).
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
        config: { type: 'string' }
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

  // Bad references are the user's to fix: UserError, one line, exit 1.
  const source = parseReference(positionals[0])
  const destination = parseReference(positionals[1])
  const client = new RegistryClient({ insecure: values.insecure as string[] })
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

function usage(io: Io, message: string): number {
  io.err(`slipway image copy: ${message} (see slipway help image)\n`)
  return USAGE_EXIT
}
