/**
 * Column types a mask can be written for. A mask function must return its column's type (reference §1.5: the
 * result is cast to the column type; a value that cannot be cast fails the query), so the compiler writes one
 * function per column type. Only scalar types whose text is a fixed keyword, optionally with numeric arguments,
 * are accepted: the type goes into SQL unquoted, so nothing else may reach it. Complex types (ARRAY, MAP, STRUCT,
 * VARIANT) are refused with a message.
 */
const SCALAR = /^(STRING|VARCHAR\(\d{1,5}\)|CHAR\(\d{1,5}\)|BOOLEAN|TINYINT|BYTE|SMALLINT|SHORT|INT|INTEGER|BIGINT|LONG|FLOAT|REAL|DOUBLE|DECIMAL(\(\d{1,2}(, ?\d{1,2})?\))?|DEC(\(\d{1,2}(, ?\d{1,2})?\))?|NUMERIC(\(\d{1,2}(, ?\d{1,2})?\))?|DATE|TIMESTAMP|TIMESTAMP_NTZ|TIMESTAMP_LTZ|BINARY)$/;

/** The type in the spelling the compiler writes, or undefined when a mask cannot be written for it. */
export function maskableType(type: string): string | undefined {
  const t = type.trim().toUpperCase().replace(/\s*,\s*/g, ',');
  return SCALAR.test(t) ? t : undefined;
}

export const isStringType = (type: string): boolean => /^(STRING|VARCHAR\(\d+\)|CHAR\(\d+\))$/.test(type);
