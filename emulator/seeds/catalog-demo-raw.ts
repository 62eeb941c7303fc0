import { at, FIRST, ip, LAST, phone, REGIONS, slug } from './catalog-data';
import type { DemoTable } from './catalog-demo-spec';

/** Landing-zone copies (catalog `raw`), owned by the data engineers; the analytics tables derive from them. */
export const RAW_TABLES: readonly DemoTable[] = [
  {
    name: ['raw', 'crm', 'contacts_raw'],
    comment: 'Nightly CRM export, unvalidated',
    columns: [['contact_id', 'string'], ['full_name', 'string'], ['email', 'string'], ['phone', 'string'], ['source_system', 'string'], ['loaded_at', 'timestamp']],
    rows: 500,
    row: (i, rng) => {
      const first = rng.pick(FIRST);
      const last = rng.pick(LAST);
      return [`C${100000 + i}`, `${first} ${last}`, `${slug(first)}.${slug(last)}@mail.example`, phone(rng), rng.pick(['salesforce', 'zendesk', 'manual']), at('2025-01-01 02:00:00', i * 60)];
    },
    columnTags: { full_name: { pii: 'name' }, email: { pii: 'email' }, phone: { pii: 'phone' } },
    tableTags: { layer: 'bronze' },
  },
  {
    name: ['raw', 'pos', 'transactions_raw'],
    comment: 'Point-of-sale feed',
    columns: [['txn_id', 'string'], ['store_id', 'int'], ['amount', 'double'], ['card_bin', 'string'], ['txn_ts', 'timestamp'], ['region', 'string']],
    rows: 1500,
    row: (i, rng) => [`T${i}`, rng.int(1, 16), rng.money(3, 700), String(rng.int(400000, 499999)), at('2025-01-01 08:00:00', rng.int(0, 8_000_000)), rng.pick(REGIONS)],
    columnTags: { card_bin: { pii: 'payment_card' } },
    tableTags: { layer: 'bronze' },
  },
  {
    name: ['raw', 'web', 'clickstream_raw'],
    comment: 'Raw web events',
    columns: [['event_id', 'string'], ['anonymous_id', 'string'], ['ip_address', 'string'], ['url', 'string'], ['event_ts', 'timestamp']],
    rows: 2000,
    row: (i, rng) => [`e${i}`, `anon-${rng.int(1, 700)}`, ip(rng), rng.pick(['/tents', '/boots', '/checkout', '/account', '/search?q=kayak']), at('2025-02-01 00:00:00', rng.int(0, 5_000_000))],
    columnTags: { ip_address: { pii: 'ip_address' } },
    tableTags: { layer: 'bronze' },
  },
  {
    name: ['raw', 'crm', 'support_tickets'],
    comment: 'Customer care tickets',
    columns: [['ticket_id', 'int'], ['customer_email', 'string'], ['subject', 'string'], ['body', 'string'], ['opened_at', 'timestamp'], ['priority', 'string']],
    rows: 300,
    row: (i, rng) => [i + 1, `${slug(rng.pick(FIRST))}${i}@mail.example`, rng.pick(['Where is my order?', 'Refund request', 'Broken zipper']), rng.pick(['Hi, my order has not arrived.', "The tent's pole snapped on day one.", 'Please call me back.']), at('2025-01-10 09:00:00', rng.int(0, 6_000_000)), rng.pick(['low', 'normal', 'high'])],
    columnTags: { customer_email: { pii: 'email' }, body: { class: 'confidential' } },
    tableTags: { layer: 'bronze' },
  },
];
