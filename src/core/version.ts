// Kept in step with package.json by scripts/bundle.mjs' check; read at build time.
export const VERSION = '0.1.0'
