/** The format a file's name says; main looks at the text when the name says neither. */
export function formatFor(fileName: string): 'csv' | 'json' | 'auto' {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  return 'auto';
}
