import { existsSync, realpathSync } from 'node:fs'
import path from 'node:path'

/** `target` is `root` or below it, also after following symbolic links. */
export function isInside(root: string, target: string): boolean {
  const within = (base: string, p: string) => {
    const back = path.relative(base, p)
    return back === '' || (!back.startsWith('..') && !path.isAbsolute(back))
  }
  if (!within(root, target)) return false
  if (!existsSync(target)) return true
  try {
    return within(realpathSync(root), realpathSync(target))
  } catch {
    return true
  }
}
