// Prometheus writes a sample value as a JSON string: a decimal number (Go's
// strconv.FormatFloat), or NaN, +Inf, -Inf. JavaScript's Number() would turn "", null and
// true into 0 and 1, so only that grammar is a value; the rest, and NaN and the
// infinities, are missing samples.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/** The finite number a Prometheus sample value holds, or NaN when it holds none. */
export function parseSampleValue(value: unknown): number {
  if (typeof value !== 'string' || !DECIMAL.test(value)) return NaN
  const number = Number(value)
  return Number.isFinite(number) ? number : NaN
}
