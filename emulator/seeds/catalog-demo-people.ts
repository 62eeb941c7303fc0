import { at, CITIES, day, FIRST, iban, LAST, nationalId, phone, REGIONS, slug } from './catalog-data';
import type { DemoTable } from './catalog-demo-spec';

const EMPLOYEES = 220;
const DEPARTMENTS = ['Retail', 'E-commerce', 'Supply Chain', 'Finance', 'People', 'Data', 'Marketing', 'Customer Care'];
const PII = (kind: string) => ({ pii: kind, class: 'restricted' });

const employee = (i: number) => {
  const first = FIRST[(i * 5 + 1) % FIRST.length]!;
  const last = LAST[(i * 3 + 7) % LAST.length]!;
  return { first, last, work: `${slug(first)}.${slug(last)}${i}@lakeside.example` };
};

/** HR (catalog `hr`) and finance (catalog `finance`) data: the most sensitive part of the demo. */
export const PEOPLE_TABLES: readonly DemoTable[] = [
  {
    name: ['hr', 'people', 'employees'],
    comment: 'Employee master data',
    columns: [
      ['employee_id', 'int'], ['first_name', 'string'], ['last_name', 'string'], ['work_email', 'string'], ['personal_email', 'string'],
      ['phone', 'string'], ['national_id', 'string', 'Government-issued identifier'], ['date_of_birth', 'date'], ['hire_date', 'date'],
      ['department', 'string'], ['job_title', 'string'], ['manager_id', 'int'], ['region', 'string'], ['home_address', 'string'],
    ],
    rows: EMPLOYEES,
    row: (i, rng) => {
      const e = employee(i);
      return [
        i + 1, e.first, e.last, e.work, `${slug(e.first)}${rng.int(1, 99)}@mail.example`, phone(rng), nationalId(rng), day('1960-01-01', rng.int(0, 15000)),
        day('2010-01-01', rng.int(0, 5000)), DEPARTMENTS[i % DEPARTMENTS.length]!, rng.pick(['Associate', 'Senior Associate', 'Lead', 'Manager', 'Director']),
        i < 8 ? null : (i % 8) + 1, rng.pick(REGIONS), `${rng.int(1, 400)} ${rng.pick(['Main', 'Harbour', 'Lindenallee', 'Calle Mayor'])} ${rng.pick(CITIES)}`,
      ];
    },
    columnTags: {
      national_id: PII('national_id'), personal_email: PII('email'), work_email: PII('email'), phone: PII('phone'),
      date_of_birth: PII('birth_date'), home_address: PII('address'),
    },
    tableTags: { domain: 'hr', contains_pii: 'true' },
  },
  {
    name: ['hr', 'people', 'departments'],
    comment: 'Departments and their heads',
    columns: [['department', 'string'], ['head_employee_id', 'int'], ['cost_center', 'string']],
    rows: DEPARTMENTS.length,
    row: (i) => [DEPARTMENTS[i]!, i + 1, `CC-${100 + i}`],
  },
  {
    name: ['hr', 'people', 'emergency_contacts'],
    comment: 'Who to call',
    columns: [['employee_id', 'int'], ['contact_name', 'string'], ['relationship', 'string'], ['phone', 'string']],
    rows: EMPLOYEES,
    row: (i, rng) => [i + 1, `${rng.pick(FIRST)} ${rng.pick(LAST)}`, rng.pick(['spouse', 'parent', 'sibling', 'friend']), phone(rng)],
    columnTags: { contact_name: PII('name'), phone: PII('phone') },
  },
  {
    name: ['hr', 'people', 'performance_reviews'],
    comment: 'Annual reviews',
    columns: [['employee_id', 'int'], ['review_year', 'int'], ['rating', 'int'], ['reviewer_id', 'int'], ['summary', 'string']],
    rows: EMPLOYEES * 2,
    row: (i, rng) => [(i % EMPLOYEES) + 1, 2023 + Math.floor(i / EMPLOYEES), rng.int(1, 5), rng.int(1, 8), rng.pick(['Exceeds expectations', 'Meets expectations', 'Needs support'])],
    columnTags: { summary: { class: 'restricted' } },
  },
  {
    name: ['hr', 'people', 'time_off'],
    comment: 'Leave requests',
    columns: [['employee_id', 'int'], ['kind', 'string'], ['starts_on', 'date'], ['days', 'int'], ['approved', 'boolean']],
    rows: 500,
    row: (i, rng) => [rng.int(1, EMPLOYEES), rng.pick(['vacation', 'sick', 'parental']), day('2024-01-01', rng.int(0, 500)), rng.int(1, 15), rng.next() < 0.9],
  },
  {
    name: ['hr', 'payroll', 'salaries'],
    comment: 'Current base salary per employee',
    columns: [['employee_id', 'int'], ['base_salary', 'decimal(12,2)'], ['bonus_target_pct', 'decimal(5,2)'], ['currency', 'string'], ['effective_date', 'date'], ['region', 'string']],
    rows: EMPLOYEES,
    row: (i, rng) => [i + 1, rng.money(38_000, 210_000), rng.pick([0, 5, 10, 15, 20]), rng.pick(['USD', 'EUR', 'GBP', 'JPY']), day('2024-01-01', rng.int(0, 400)), rng.pick(REGIONS)],
    columnTags: { base_salary: { pii: 'compensation', class: 'restricted' }, bonus_target_pct: { pii: 'compensation', class: 'restricted' } },
    tableTags: { domain: 'hr', contains_pii: 'true' },
  },
  {
    name: ['hr', 'payroll', 'bank_accounts'],
    comment: 'Where salaries are paid',
    columns: [['employee_id', 'int'], ['iban', 'string'], ['bank_name', 'string'], ['account_holder', 'string']],
    rows: EMPLOYEES,
    row: (i, rng) => {
      const e = employee(i);
      return [i + 1, iban(rng), rng.pick(['First Lakeside Bank', 'Nordbank', 'Banco del Lago']), `${e.first} ${e.last}`];
    },
    columnTags: { iban: PII('bank_account'), account_holder: PII('name') },
  },
  {
    name: ['hr', 'payroll', 'payslips'],
    comment: 'Monthly payslips',
    columns: [['employee_id', 'int'], ['period', 'string'], ['gross_pay', 'decimal(12,2)'], ['tax_withheld', 'decimal(12,2)'], ['net_pay', 'decimal(12,2)']],
    rows: EMPLOYEES * 3,
    row: (i, rng) => {
      const gross = rng.money(3000, 17000);
      const tax = Math.round(gross * 0.27 * 100) / 100;
      return [(i % EMPLOYEES) + 1, `2025-0${1 + Math.floor(i / EMPLOYEES)}`, gross, tax, Math.round((gross - tax) * 100) / 100];
    },
    columnTags: { gross_pay: { pii: 'compensation' }, net_pay: { pii: 'compensation' } },
  },
  {
    name: ['hr', 'payroll', 'tax_forms'],
    comment: 'Tax filings',
    columns: [['employee_id', 'int'], ['tax_id', 'string'], ['filing_status', 'string'], ['tax_year', 'int']],
    rows: EMPLOYEES,
    row: (i, rng) => [i + 1, nationalId(rng), rng.pick(['single', 'married', 'head_of_household']), 2024],
    columnTags: { tax_id: PII('national_id') },
  },
  {
    name: ['finance', 'ledger', 'vendors'],
    comment: 'Suppliers',
    columns: [['vendor_id', 'int'], ['name', 'string'], ['tax_id', 'string'], ['contact_email', 'string'], ['iban', 'string'], ['country', 'string']],
    rows: 60,
    row: (i, rng) => [i + 1, `${rng.pick(['Nordic', 'Pacific', 'Andes', 'Sahel', 'Alpine'])} ${rng.pick(['Textiles', 'Outdoor Supply', 'Logistics', 'Gear Works'])} ${i + 1}`, `VAT${rng.int(100000000, 999999999)}`, `ap${i + 1}@vendor.example`, iban(rng), rng.pick(['DE', 'SE', 'CN', 'VN', 'PT', 'US'])],
    columnTags: { tax_id: { class: 'confidential' }, contact_email: { pii: 'email' }, iban: { pii: 'bank_account', class: 'confidential' } },
  },
  {
    name: ['finance', 'ledger', 'gl_entries'],
    comment: 'General ledger',
    columns: [['entry_id', 'bigint'], ['account', 'string'], ['amount', 'decimal(14,2)'], ['posted_on', 'date'], ['region', 'string'], ['memo', 'string']],
    rows: 2000,
    row: (i, rng) => [i + 1, rng.pick(['4000-Revenue', '5000-COGS', '6100-Payroll', '6200-Rent', '6300-Marketing']), rng.money(-50_000, 120_000), day('2024-01-01', rng.int(0, 600)), rng.pick(REGIONS), rng.pick(['auto-posted', 'manual adjustment', "Q4 accrual (per D'Souza)"])],
  },
  {
    name: ['finance', 'ledger', 'invoices'],
    comment: 'Vendor invoices',
    columns: [['invoice_id', 'bigint'], ['vendor_id', 'int'], ['amount', 'decimal(14,2)'], ['currency', 'string'], ['due_on', 'date'], ['paid', 'boolean']],
    rows: 400,
    row: (i, rng) => [i + 1, rng.int(1, 60), rng.money(200, 90_000), rng.pick(['USD', 'EUR', 'SEK']), day('2024-02-01', rng.int(0, 600)), rng.next() < 0.7],
  },
  {
    name: ['finance', 'ledger', 'expense_reports'],
    comment: 'Employee expenses',
    columns: [['report_id', 'bigint'], ['employee_id', 'int'], ['amount', 'decimal(10,2)'], ['category', 'string'], ['submitted_at', 'timestamp'], ['approver_email', 'string']],
    rows: 600,
    row: (i, rng) => [i + 1, rng.int(1, EMPLOYEES), rng.money(5, 3000), rng.pick(['travel', 'meals', 'equipment', 'training']), at('2024-01-03 12:00:00', rng.int(0, 50_000_000)), employee(rng.int(0, 7)).work],
    columnTags: { approver_email: { pii: 'email' } },
  },
  {
    name: ['finance', 'ledger', 'corporate_cards'],
    comment: 'Company cards',
    columns: [['card_id', 'int'], ['holder_employee_id', 'int'], ['card_number', 'string'], ['monthly_limit', 'decimal(10,2)'], ['issued_on', 'date']],
    rows: 80,
    row: (i, rng) => [i + 1, rng.int(1, EMPLOYEES), `4000 ${String(rng.int(0, 9999)).padStart(4, '0')} ${String(rng.int(0, 9999)).padStart(4, '0')} ${String(rng.int(0, 9999)).padStart(4, '0')}`, rng.pick([2000, 5000, 10000]), day('2022-06-01', rng.int(0, 900))],
    columnTags: { card_number: { pii: 'payment_card', class: 'restricted' } },
  },
  {
    name: ['finance', 'reporting', 'monthly_close'],
    comment: 'Closed months',
    columns: [['period', 'string'], ['closed_at', 'timestamp'], ['closed_by', 'string'], ['revenue', 'decimal(14,2)'], ['expenses', 'decimal(14,2)']],
    rows: 18,
    row: (i, rng) => [`${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, at('2024-02-05 17:00:00', i * 2_600_000), 'asa.lindqvist@lakeside.example', rng.money(900_000, 2_400_000), rng.money(700_000, 2_000_000)],
  },
  {
    name: ['finance', 'reporting', 'budget_vs_actual'],
    comment: 'Budget tracking per cost centre',
    columns: [['cost_center', 'string'], ['period', 'string'], ['budget', 'decimal(14,2)'], ['actual', 'decimal(14,2)']],
    rows: 96,
    row: (i, rng) => [`CC-${100 + (i % 8)}`, `2025-${String((Math.floor(i / 8) % 12) + 1).padStart(2, '0')}`, rng.money(50_000, 400_000), rng.money(40_000, 420_000)],
  },
];
