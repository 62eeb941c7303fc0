/**
 * `~/.databrickscfg`, the Databricks CLI/SDK configuration file: INI sections, one per profile, with keys such as
 * `host`, `token`, `client_id`, `client_secret`, `account_id`, `auth_type` (Go SDK `config/config_file.go`,
 * which reads it with gopkg.in/ini.v1: `;`/`#` comments, `key = value`). Parsed defensively: the file is the
 * user's, and a broken line must not hide the rest.
 */
export interface ConfigProfile {
  readonly name: string;
  readonly values: Readonly<Record<string, string>>;
}

export const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_PROFILES = 500;

export function parseDatabricksCfg(text: string): readonly ConfigProfile[] {
  const profiles: { name: string; values: Record<string, string> }[] = [];
  let current: { name: string; values: Record<string, string> } | undefined;
  for (const rawLine of text.slice(0, MAX_CONFIG_BYTES).split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    const section = /^\[([^\]]{1,200})\]$/.exec(line);
    if (section) {
      const name = section[1]!.trim();
      current = profiles.find((p) => p.name === name);
      if (!current) {
        if (profiles.length >= MAX_PROFILES) break;
        current = { name, values: Object.create(null) as Record<string, string> };
        profiles.push(current);
      }
      continue;
    }
    const pair = /^([A-Za-z0-9_.-]{1,100})\s*[=:]\s*(.*)$/.exec(line);
    if (!pair || !current) continue;
    let value = pair[2]!.trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) value = value.slice(1, -1);
    current.values[pair[1]!.toLowerCase()] = value.slice(0, 10_000);
  }
  return profiles.map((p) => Object.freeze({ name: p.name, values: Object.freeze({ ...p.values }) }));
}
