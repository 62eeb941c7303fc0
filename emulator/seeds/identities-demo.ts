import type { IdentitySeed } from './identity-seed';

/**
 * Lakeside Outfitters, a small retailer with a data team. Names include apostrophes, diacritics and CJK so every
 * screen, SQL statement and grant that shows a principal is exercised with them. `.example` is a reserved TLD.
 * Group nesting: finance-analysts ⊂ data-analysts ⊂ all-data-users; data-engineers ⊂ all-data-users.
 */
export const DEMO_IDENTITIES: IdentitySeed = {
  groups: [
    { displayName: 'all-data-users', memberOf: [] },
    { displayName: 'data-analysts', memberOf: ['all-data-users'] },
    { displayName: 'finance-analysts', memberOf: ['data-analysts'] },
    { displayName: 'data-engineers', memberOf: ['all-data-users'] },
    { displayName: 'data-governance', memberOf: [] },
  ],
  users: [
    {
      userName: 'priya.raman@lakeside.example',
      givenName: 'Priya',
      familyName: 'Raman',
      displayName: 'Priya Raman',
      title: 'Head of Data Platform',
      groups: ['admins', 'metastore-admins', 'data-governance'],
    },
    {
      userName: 'siobhan.obrien@lakeside.example',
      givenName: 'Siobhán',
      familyName: "O'Brien",
      displayName: "Siobhán O'Brien",
      title: 'Senior Analyst',
      groups: ['data-analysts'],
    },
    {
      userName: 'jose.nunez@lakeside.example',
      givenName: 'José',
      familyName: 'Núñez',
      displayName: 'José Núñez',
      title: 'Finance Analyst',
      groups: ['finance-analysts'],
    },
    {
      userName: 'li.lei@lakeside.example',
      givenName: '雷',
      familyName: '李',
      displayName: '李雷',
      title: 'Data Engineer',
      groups: ['data-engineers'],
    },
    {
      userName: 'zoe.muller@lakeside.example',
      givenName: 'Zoë',
      familyName: 'Müller',
      displayName: 'Zoë Müller',
      title: 'Marketing Analyst',
      groups: ['data-analysts'],
    },
    {
      userName: 'marcus.dangelo@lakeside.example',
      givenName: 'Marcus',
      familyName: "D'Angelo",
      displayName: "Marcus D'Angelo",
      title: 'Analytics Engineer',
      groups: ['data-engineers'],
    },
    {
      userName: 'asa.lindqvist@lakeside.example',
      givenName: 'Åsa',
      familyName: 'Lindqvist',
      displayName: 'Åsa Lindqvist',
      title: 'Financial Controller',
      groups: ['finance-analysts'],
    },
    {
      userName: 'ngozi.okafor@lakeside.example',
      givenName: 'Ngozi',
      familyName: 'Okafor',
      displayName: 'Ngozi Okafor',
      title: 'Data Steward',
      groups: ['data-governance', 'all-data-users'],
    },
  ],
  servicePrincipals: [
    { displayName: 'governance-sync', groups: ['admins', 'data-governance'] },
    { displayName: 'bi-dashboards', groups: ['data-analysts'] },
  ],
};
