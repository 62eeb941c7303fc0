import { quoteLiteral } from '../../shared/sql/quote';

/** Deterministic values for the catalog seeds: the same seed always yields the same rows. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  money(min: number, max: number): number {
    return Math.round((min + this.next() * (max - min)) * 100) / 100;
  }
}

/** A SQL literal for a seed value; dates and timestamps are tagged so they get typed literals. */
export type SeedValue = string | number | boolean | null | { readonly date: string } | { readonly ts: string };

export function sqlValue(v: SeedValue): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return quoteLiteral(v);
  return 'date' in v ? `DATE${quoteLiteral(v.date)}` : `TIMESTAMP${quoteLiteral(v.ts)}`;
}

// Names from many places, with apostrophes and diacritics, so masks and filters meet real-world text.
export const FIRST = ['Amara', 'Björn', 'Chloé', 'Dmitri', 'Eun-ji', 'Fatima', 'Grace', 'Hiroshi', 'Ines', 'Jamal', 'Katarzyna', 'Liam', 'María', 'Noah', 'Oluwaseun', 'Priya', 'Quentin', 'Rosa', 'Søren', 'Tariq', 'Úna', 'Valentina', 'Wei', 'Ximena', 'Yusuf', 'Zoë'];
export const LAST = ['Achebe', 'Bergström', "O'Connor", 'Dubois', 'Eriksen', 'Fernández', 'García', 'Haddad', 'Ivanova', 'Johnson', 'Kowalski', 'López', 'Müller', 'Nakamura', 'Okafor', 'Petrov', 'Quispe', 'Rossi', 'Schmidt', 'Tanaka', "D'Souza", 'Van der Berg', 'Wójcik', 'Yilmaz', 'Zhang', 'Núñez'];
export const REGIONS = ['NA', 'EMEA', 'APAC', 'LATAM'] as const;
export const COUNTRIES: Readonly<Record<(typeof REGIONS)[number], readonly string[]>> = {
  NA: ['US', 'CA'],
  EMEA: ['GB', 'DE', 'FR', 'SE', 'NG', 'IE'],
  APAC: ['JP', 'AU', 'SG', 'IN'],
  LATAM: ['BR', 'MX', 'CO', 'PE'],
};
export const CITIES = ['Portland', 'Toronto', 'London', 'Berlin', 'Lyon', 'Malmö', 'Lagos', 'Dublin', 'Osaka', 'Sydney', 'Singapore', 'Pune', 'São Paulo', 'Guadalajara', 'Bogotá', 'Lima'];

export const slug = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '').toLowerCase();

export const day = (base: string, offsetDays: number): { date: string } => ({
  date: new Date(Date.parse(base) + offsetDays * 86_400_000).toISOString().slice(0, 10),
});

export const at = (base: string, offsetSeconds: number): { ts: string } => ({
  ts: new Date(Date.parse(base) + offsetSeconds * 1000).toISOString().replace('T', ' ').slice(0, 19),
});

export const phone = (rng: Rng): string => `+1-${rng.int(200, 989)}-555-${String(rng.int(0, 9999)).padStart(4, '0')}`;
/** US SSN-shaped numbers in the 9xx range, which the SSA never issues. */
export const nationalId = (rng: Rng): string => `9${rng.int(10, 99)}-${rng.int(10, 99)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
export const iban = (rng: Rng): string => `GB${rng.int(10, 99)}LAKE${String(rng.int(0, 99999999)).padStart(8, '0')}${String(rng.int(0, 999999)).padStart(6, '0')}`;
export const ip = (rng: Rng): string => `${rng.pick([10, 172, 192])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
