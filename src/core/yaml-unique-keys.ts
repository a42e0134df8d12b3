import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml'

export interface RepeatedKey {
  key: string
  /** Offset of the repeated key in the text. */
  offset: number
}

/**
 * The keys that appear twice in one map, in one pass over the document. The yaml library's own
 * check (uniqueKeys) compares every key with every other: 50,000 keys took half a minute.
 * Keys that are not scalars are left to the schema; merge keys (`<<`) may repeat.
 */
export function repeatedKeys(doc: Document): RepeatedKey[] {
  const repeated: RepeatedKey[] = []
  const stack: unknown[] = [doc.contents]
  while (stack.length > 0) {
    const node = stack.pop()
    if (isMap(node)) {
      const seen = new Set<string>()
      for (const pair of node.items) {
        const key = pair.key as Node | null
        if (isScalar(key) && key.value !== '<<') {
          const text = String(key.value)
          if (seen.has(text)) repeated.push({ key: text, offset: key.range?.[0] ?? 0 })
          seen.add(text)
        }
        stack.push(pair.value)
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item)
    }
  }
  return repeated.sort((a, b) => a.offset - b.offset)
}

export function repeatedKeyMessage({ key }: RepeatedKey): string {
  return `invalid YAML: Map keys must be unique: "${key.length > 60 ? key.slice(0, 60) + '...' : key}" is repeated`
}
