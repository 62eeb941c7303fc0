/** The default branch of an exhaustive `switch`: a compile error when a case is missing, a thrown bug at run time. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
