import { at, CITIES, COUNTRIES, day, FIRST, ip, LAST, phone, REGIONS, slug, type Rng } from './catalog-data';
import type { DemoTable } from './catalog-demo-spec';

const CUSTOMERS = 400;
const ORDERS = 1200;
const SKUS = ['TENT-2P', 'TENT-4P', 'BAG-20L', 'BAG-35L', 'BOOT-W', 'BOOT-M', 'JKT-RAIN', 'JKT-DOWN', 'STOVE-1', 'LAMP-LED', 'KAYAK-1', 'PADDLE-2'];
const PII = (kind: string) => ({ pii: kind, class: 'confidential' });

const person = (i: number, rng: Rng) => {
  const first = FIRST[(i * 7) % FIRST.length]!;
  const last = LAST[(i * 11 + 3) % LAST.length]!;
  const region = rng.pick(REGIONS);
  return { first, last, email: `${slug(first)}.${slug(last)}${i}@mail.example`, region, country: rng.pick(COUNTRIES[region]) };
};

/** Lakeside Outfitters' sales and marketing data (catalog `main`). */
export const SALES_TABLES: readonly DemoTable[] = [
  {
    name: ['main', 'sales', 'customers'],
    comment: 'Retail and online customers',
    columns: [
      ['customer_id', 'bigint'], ['first_name', 'string'], ['last_name', 'string'], ['email', 'string', 'Primary contact email'],
      ['phone', 'string'], ['date_of_birth', 'date'], ['loyalty_tier', 'string'], ['region', 'string'], ['country', 'string'], ['signup_date', 'date'],
    ],
    rows: CUSTOMERS,
    row: (i, rng) => {
      const p = person(i, rng);
      return [i + 1, p.first, p.last, p.email, phone(rng), day('1950-01-01', rng.int(0, 20000)), rng.pick(['bronze', 'silver', 'gold', 'summit']), p.region, p.country, day('2019-01-01', rng.int(0, 2000))];
    },
    columnTags: { email: PII('email'), phone: PII('phone'), date_of_birth: PII('birth_date'), first_name: PII('name'), last_name: PII('name') },
    tableTags: { domain: 'sales', contains_pii: 'true' },
  },
  {
    name: ['main', 'sales', 'orders'],
    comment: 'One row per checkout, online and in store',
    columns: [['order_id', 'bigint'], ['customer_id', 'bigint'], ['order_ts', 'timestamp'], ['store_id', 'int'], ['channel', 'string'], ['total_amount', 'decimal(12,2)'], ['currency', 'string'], ['status', 'string'], ['region', 'string']],
    rows: ORDERS,
    row: (i, rng) => [10_000 + i, rng.int(1, CUSTOMERS), at('2024-01-01 08:00:00', rng.int(0, 60_000_000)), rng.int(1, 16), rng.pick(['web', 'store', 'app']), rng.money(12, 900), 'USD', rng.pick(['paid', 'paid', 'paid', 'shipped', 'refunded']), rng.pick(REGIONS)],
    tableTags: { domain: 'sales' },
  },
  {
    name: ['main', 'sales', 'order_items'],
    comment: 'Order lines',
    columns: [['order_id', 'bigint'], ['line_no', 'int'], ['sku', 'string'], ['quantity', 'int'], ['unit_price', 'decimal(10,2)'], ['discount', 'decimal(5,2)']],
    rows: 2400,
    row: (i, rng) => [10_000 + Math.floor(i / 2), (i % 2) + 1, rng.pick(SKUS), rng.int(1, 4), rng.money(8, 450), rng.pick([0, 0, 0.1, 0.15])],
  },
  {
    name: ['main', 'sales', 'products'],
    comment: 'Product catalogue',
    columns: [['sku', 'string'], ['name', 'string'], ['category', 'string'], ['brand', 'string'], ['list_price', 'decimal(10,2)'], ['launched_on', 'date']],
    rows: SKUS.length,
    row: (i, rng) => [SKUS[i]!, `${SKUS[i]!.split('-')[0]} ${['Alpine', 'Harbor', 'Ridge'][i % 3]}`, ['camping', 'bags', 'footwear', 'apparel', 'cooking', 'lighting', 'water'][i % 7]!, rng.pick(['Lakeside', 'Northwind', 'Fjällräven-like']), rng.money(15, 900), day('2018-03-01', rng.int(0, 2000))],
  },
  {
    name: ['main', 'sales', 'stores'],
    comment: 'Physical stores',
    columns: [['store_id', 'int'], ['name', 'string'], ['city', 'string'], ['region', 'string'], ['opened_on', 'date'], ['manager_email', 'string']],
    rows: CITIES.length,
    row: (i, rng) => [i + 1, `Lakeside ${CITIES[i]!}`, CITIES[i]!, REGIONS[Math.floor(i / 4)]!, day('2012-05-01', rng.int(0, 3000)), `store${i + 1}.manager@lakeside.example`],
    columnTags: { manager_email: PII('email') },
  },
  {
    name: ['main', 'sales', 'payments'],
    comment: 'Card payments (PAN never stored, last four only)',
    columns: [['payment_id', 'bigint'], ['order_id', 'bigint'], ['card_brand', 'string'], ['card_last4', 'string'], ['amount', 'decimal(12,2)'], ['paid_at', 'timestamp']],
    rows: ORDERS,
    row: (i, rng) => [500_000 + i, 10_000 + i, rng.pick(['visa', 'mastercard', 'amex']), String(rng.int(0, 9999)).padStart(4, '0'), rng.money(12, 900), at('2024-01-01 08:05:00', rng.int(0, 60_000_000))],
    columnTags: { card_last4: PII('payment_card') },
  },
  {
    name: ['main', 'sales', 'returns'],
    comment: 'Returned items and refunds',
    columns: [['return_id', 'bigint'], ['order_id', 'bigint'], ['sku', 'string'], ['reason', 'string'], ['refund_amount', 'decimal(10,2)'], ['returned_on', 'date']],
    rows: 150,
    row: (i, rng) => [i + 1, 10_000 + rng.int(0, ORDERS - 1), rng.pick(SKUS), rng.pick(['too small', 'damaged', "didn't like colour", 'late delivery']), rng.money(8, 400), day('2024-02-01', rng.int(0, 600))],
  },
  {
    name: ['main', 'sales', 'shipments'],
    comment: 'Parcels shipped to customers',
    columns: [['shipment_id', 'bigint'], ['order_id', 'bigint'], ['carrier', 'string'], ['ship_to_address', 'string'], ['postal_code', 'string'], ['shipped_at', 'timestamp']],
    rows: 800,
    row: (i, rng) => [i + 1, 10_000 + i, rng.pick(['UPS', 'DHL', 'PostNord', 'Correios']), `${rng.int(1, 999)} ${rng.pick(['Elm', 'Oak', 'Birch', 'Rue de la Paix', 'Königstraße'])} St`, String(rng.int(10000, 99999)), at('2024-01-02 10:00:00', rng.int(0, 60_000_000))],
    columnTags: { ship_to_address: PII('address'), postal_code: PII('address') },
  },
  {
    name: ['main', 'marketing', 'campaigns'],
    comment: 'Marketing campaigns',
    columns: [['campaign_id', 'int'], ['name', 'string'], ['channel', 'string'], ['budget', 'decimal(12,2)'], ['starts_on', 'date'], ['ends_on', 'date']],
    rows: 24,
    row: (i, rng) => [i + 1, `${['Spring', 'Summer', 'Autumn', 'Winter'][i % 4]} ${2023 + Math.floor(i / 8)} ${['Trail', 'Lake', 'Summit'][i % 3]}`, rng.pick(['email', 'social', 'search']), rng.money(5000, 80000), day('2023-01-01', i * 45), day('2023-02-01', i * 45)],
  },
  {
    name: ['main', 'marketing', 'email_events'],
    comment: 'Opens and clicks from campaign emails',
    columns: [['email', 'string'], ['campaign_id', 'int'], ['event', 'string'], ['event_ts', 'timestamp'], ['ip_address', 'string']],
    rows: 1500,
    row: (i, rng) => [person(rng.int(0, CUSTOMERS - 1), rng).email, rng.int(1, 24), rng.pick(['delivered', 'open', 'click', 'unsubscribe']), at('2023-01-05 09:00:00', rng.int(0, 60_000_000)), ip(rng)],
    columnTags: { email: PII('email'), ip_address: PII('ip_address') },
  },
  {
    name: ['main', 'marketing', 'web_sessions'],
    comment: 'Web analytics sessions',
    columns: [['session_id', 'string'], ['customer_id', 'bigint'], ['ip_address', 'string'], ['user_agent', 'string'], ['started_at', 'timestamp'], ['device', 'string'], ['pages', 'int']],
    rows: 1000,
    row: (i, rng) => [`s-${(i * 2654435761) >>> 0}`, rng.next() < 0.3 ? null : rng.int(1, CUSTOMERS), ip(rng), rng.pick(['Mozilla/5.0 (Macintosh)', 'Mozilla/5.0 (iPhone)', 'Mozilla/5.0 (Windows NT 10.0)']), at('2024-03-01 00:00:00', rng.int(0, 30_000_000)), rng.pick(['desktop', 'mobile', 'tablet']), rng.int(1, 30)],
    columnTags: { ip_address: PII('ip_address') },
  },
  {
    name: ['main', 'marketing', 'newsletter_subscribers'],
    comment: 'Newsletter sign-ups with consent',
    columns: [['email', 'string'], ['full_name', 'string'], ['subscribed_on', 'date'], ['consent_marketing', 'boolean'], ['region', 'string']],
    rows: 300,
    row: (i, rng) => {
      const p = person(i + 1000, rng);
      return [p.email, `${p.first} ${p.last}`, day('2020-01-01', rng.int(0, 1800)), rng.next() < 0.8, p.region];
    },
    columnTags: { email: PII('email'), full_name: PII('name') },
  },
];
