import { isRecord } from './manifest.js'

// A YAML writer for JSON data, in the block style `kubectl get -o yaml` prints. The general
// writer of the yaml package took most of a render's time on large overlays; this one only
// has to handle maps, lists, strings, numbers, booleans and null. A string is written plain
// only when no YAML 1.1 or 1.2 reader can take it for anything else; otherwise it is
// double-quoted with JSON's escapes (a JSON string is a valid YAML double-quoted scalar), or,
// when it has several lines, written as a literal block.

const PLAIN = /^(?:[A-Za-z_/]|-[A-Za-z-])[A-Za-z0-9_./@%+=()~: -]*$/
const KEYWORDS = new Set(
  'y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF null Null NULL'.split(
    ' '
  )
)

/** One document: `value` (a map, normally) as block YAML, ending with a newline. */
export function emitYaml(value: unknown): string {
  if (isRecord(value) && Object.keys(value).length > 0) return emitMap(value, 0)
  if (Array.isArray(value) && value.length > 0) return emitList(value, 0)
  return `${inline(value)}\n`
}

function emitMap(map: Record<string, unknown>, indent: number): string {
  const pad = ' '.repeat(indent)
  let out = ''
  for (const key of Object.keys(map)) {
    const value = map[key]
    if (value === undefined) continue
    const head = `${pad}${scalarText(key)}:`
    if (isRecord(value) && Object.keys(value).length > 0) {
      out += `${head}\n${emitMap(value, indent + 2)}`
    } else if (Array.isArray(value) && value.length > 0) {
      out += `${head}\n${emitList(value, indent)}`
    } else if (typeof value === 'string' && isBlock(value)) {
      out += `${head} ${block(value, indent + 2)}`
    } else {
      out += `${head} ${inline(value)}\n`
    }
  }
  return out
}

function emitList(list: unknown[], indent: number): string {
  const pad = ' '.repeat(indent)
  let out = ''
  for (const item of list) {
    if (isRecord(item) && Object.keys(item).length > 0) {
      // The first key goes on the dash's line: `- name: app`.
      out += `${pad}- ${emitMap(item, indent + 2).slice(indent + 2)}`
    } else if (Array.isArray(item) && item.length > 0) {
      out += `${pad}-\n${emitList(item, indent + 2)}`
    } else if (typeof item === 'string' && isBlock(item)) {
      out += `${pad}- ${block(item, indent + 2)}`
    } else {
      out += `${pad}- ${inline(item)}\n`
    }
  }
  return out
}

function inline(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return numberText(value)
  if (typeof value === 'string') return scalarText(value)
  if (Array.isArray(value)) return '[]'
  if (isRecord(value)) return '{}'
  return JSON.stringify(String(value))
}

function scalarText(text: string): string {
  const plain =
    PLAIN.test(text) && !KEYWORDS.has(text) && !/[ :]$|: /.test(text) && !text.includes(' #')
  return plain ? text : JSON.stringify(text)
}

function numberText(value: number): string {
  if (Number.isNaN(value)) return '.nan'
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf'
  const text = String(value)
  // YAML 1.1 reads `1e+21` as a string: its floats need a dot.
  return /e/.test(text) && !text.includes('.') ? text.replace('e', '.0e') : text
}

/**
 * Several lines, none of which a literal block would change, and none a GitHub runner would
 * take for a workflow command when the block is printed (such text is double-quoted, where
 * slipway can escape it: see core/runner-output.ts).
 */
function isBlock(text: string): boolean {
  return (
    text.includes('\n') &&
    !/(^|\n)\s*::/.test(text) &&
    !text.includes('##[') &&
    /^[^\s]/.test(text) &&
    !/[ \t]\n|[ \t]$/.test(text) &&
    !text.includes('\r') &&
    !hasControl(text)
  )
}

function block(text: string, indent: number): string {
  const body = text.replace(/\n+$/, '')
  const trailing = text.length - body.length
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+'
  const pad = ' '.repeat(indent)
  const lines = body
    .split('\n')
    .map((line) => (line ? pad + line : ''))
    .join('\n')
  return `|${chomp}\n${lines}\n${'\n'.repeat(Math.max(0, trailing - 1))}`
}

/** Characters a literal block cannot hold (besides newline and tab). */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const c0 = c < 0x20 && c !== 0x0a && c !== 0x09
    if (c0 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff) return true
  }
  return false
}
