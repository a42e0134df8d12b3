// node-fetch 2, under @kubernetes/client-node, loads Node's deprecated `punycode` module, and
// Node 22 and later print DEP0040 on stderr of every run that touches Kubernetes objects. Nothing
// a user can act on, so it is dropped; every other warning still prints. Import this first.
const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void

process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const [typeOrOptions, code] = rest
  const warningCode =
    typeof typeOrOptions === 'object' && typeOrOptions !== null
      ? (typeOrOptions as { code?: string }).code
      : code
  if (warningCode === 'DEP0040') return
  emitWarning(warning, ...rest)
}) as typeof process.emitWarning
