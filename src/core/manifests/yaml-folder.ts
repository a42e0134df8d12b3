import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { InputError, UserError } from '../errors.js'

const YAML_FILE = /\.ya?ml$/

export interface YamlFiles {
  /** The YAML files under the folder, as reached (through links), sorted by relative path. */
  files: string[]
  /** Links that leave `root`, one each. */
  errors: UserError[]
}

/**
 * The YAML files under `dir`. Symbolic links are resolved and checked before they are followed:
 * one that leaves `root` is an error naming the link, and a folder already walked (a link to
 * `.` or `..`) is not walked again, so a link can neither reach the whole filesystem nor loop.
 */
export async function yamlFilesUnder(dir: string, root: string): Promise<YamlFiles> {
  const realRoot = await realpath(root)
  const files: string[] = []
  const errors: UserError[] = []
  const walked = new Set<string>()

  const walk = async (folder: string, realFolder: string): Promise<void> => {
    if (walked.has(realFolder)) return
    walked.add(realFolder)
    const entries = await readdir(folder, { withFileTypes: true })
    for (const entry of entries) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) {
        await walk(full, path.join(realFolder, entry.name))
      } else if (entry.isFile()) {
        if (YAML_FILE.test(entry.name)) files.push(full)
      } else if (entry.isSymbolicLink()) {
        await followLink(full, entry.name)
      }
    }
  }

  const followLink = async (link: string, name: string): Promise<void> => {
    let target: string
    try {
      target = await realpath(link)
    } catch {
      if (YAML_FILE.test(name))
        errors.push(new UserError('a symbolic link to nothing', { file: link }))
      return
    }
    if (!within(realRoot, target)) {
      errors.push(
        new UserError('a symbolic link that points outside the repository', { file: link })
      )
      return
    }
    const info = await stat(target)
    if (info.isDirectory()) await walk(link, target)
    else if (info.isFile() && YAML_FILE.test(name)) files.push(link)
  }

  let info
  try {
    info = await stat(dir)
  } catch {
    throw new InputError('the manifests folder does not exist', { file: dir })
  }
  if (!info.isDirectory()) throw new InputError('expected a folder of manifests', { file: dir })
  await walk(dir, await realpath(dir))
  const relative = (file: string) => path.relative(dir, file)
  files.sort((a, b) => (relative(a) < relative(b) ? -1 : relative(a) > relative(b) ? 1 : 0))
  return { files, errors }
}

function within(base: string, target: string): boolean {
  const back = path.relative(base, target)
  return back === '' || (!back.startsWith('..') && !path.isAbsolute(back))
}
