import { INPUT_LIMITS } from './input-file.js'

/**
 * The offset where flow collections (`[`, `{`) first nest deeper than the limit, or undefined.
 * The yaml library holds every open level of an unclosed `[[[[...` in memory: 280 KB of them
 * took 640 MB. A linear scan before parsing; brackets in quoted strings and comments do not count.
 */
export function tooDeepAt(
  text: string,
  limit: number = INPUT_LIMITS.flowNesting
): number | undefined {
  let depth = 0
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === '\\' && quote === '"') i++
      else if (c === quote) quote = undefined
      continue
    }
    if (c === '"' || c === "'") {
      // A quote only opens a string at the start of a scalar, not inside a word (don't).
      const before = text[i - 1]
      if (before === undefined || /[\s[{,:-]/.test(before)) quote = c
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const end = text.indexOf('\n', i)
      i = end === -1 ? text.length : end
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return i
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--
    }
  }
  return undefined
}
