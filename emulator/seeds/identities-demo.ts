import type { IdentitySeed } from './identity-seed';

/**
 * Lakeside Outfitters, a small retailer with a data team. Names include apostrophes, diacritics and CJK so every
 * screen, SQL statement and grant that shows a principal is exercised with them. `.example` is a reserved TLD.
 * Group nesting: finance-analysts ⊂ data-analysts ⊂ all-data-users; data-engineers ⊂ all-data-users.
 * For user mapping (issue 12; samples/governance-users.csv): externalIds from the identity provider (account SCIM
 * shows them), a team mailbox two people list as an extra address in different case (an ambiguous email match),
 * and a deactivated former employee.
 */
export const DEMO_IDENTITIES: IdentitySeed = {
  groups: [
    { displayName: 'all-data-users', memberOf: [], externalId: 'okta-grp-2001' },
    { displayName: 'data-analysts', memberOf: ['all-data-users'], externalId: 'okta-grp-2002' },
    { displayName: 'finance-analysts', memberOf: ['data-analysts'] },
    { displayName: 'data-engineers', memberOf: ['all-data-users'] },
    { displayName: 'data-governance', memberOf: [] },
  ],
  users: [
    {
      userName: 'priya.raman@lakeside.example',
      externalId: 'okta-00u1001',
      givenName: 'Priya',
      familyName: 'Raman',
      displayName: 'Priya Raman',
      title: 'Head of Data Platform',
      groups: ['admins', 'metastore-admins', 'data-governance'],
    },
    {
      userName: 'siobhan.obrien@lakeside.example',
      externalId: 'okta-00u1002',
      givenName: 'Siobhán',
      familyName: "O'Brien",
      displayName: "Siobhán O'Brien",
      title: 'Senior Analyst',
      groups: ['data-analysts'],
    },
    {
      userName: 'jose.nunez@lakeside.example',
      externalId: 'okta-00u1003',
      givenName: 'José',
      familyName: 'Núñez',
      displayName: 'José Núñez',
      title: 'Finance Analyst',
      groups: ['finance-analysts'],
    },
    {
      userName: 'li.lei@lakeside.example',
      externalId: 'okta-00u1004',
      givenName: '雷',
      familyName: '李',
      displayName: '李雷',
      title: 'Data Engineer',
      groups: ['data-engineers'],
    },
    {
      userName: 'zoe.muller@lakeside.example',
      externalId: 'okta-00u1005',
      givenName: 'Zoë',
      familyName: 'Müller',
      displayName: 'Zoë Müller',
      title: 'Marketing Analyst',
      groups: ['data-analysts'],
      otherEmails: ['analytics-team@lakeside.example'],
    },
    {
      userName: 'marcus.dangelo@lakeside.example',
      externalId: 'okta-00u1006',
      givenName: 'Marcus',
      familyName: "D'Angelo",
      displayName: "Marcus D'Angelo",
      title: 'Analytics Engineer',
      groups: ['data-engineers'],
      otherEmails: ['Analytics-Team@lakeside.example'],
    },
    {
      userName: 'asa.lindqvist@lakeside.example',
      externalId: 'okta-00u1007',
      givenName: 'Åsa',
      familyName: 'Lindqvist',
      displayName: 'Åsa Lindqvist',
      title: 'Financial Controller',
      groups: ['finance-analysts'],
    },
    {
      userName: 'ngozi.okafor@lakeside.example',
      externalId: 'okta-00u1008',
      givenName: 'Ngozi',
      familyName: 'Okafor',
      displayName: 'Ngozi Okafor',
      title: 'Data Steward',
      groups: ['data-governance', 'all-data-users'],
    },
    {
      userName: 'tomas.novak@lakeside.example',
      externalId: 'okta-00u1009',
      givenName: 'Tomáš',
      familyName: 'Novák',
      displayName: 'Tomáš Novák',
      title: 'Former Data Analyst',
      groups: [],
      active: false,
    },
  ],
  servicePrincipals: [
    { displayName: 'governance-sync', groups: ['admins', 'data-governance'], externalId: 'entra-app-3001' },
    { displayName: 'bi-dashboards', groups: ['data-analysts'], externalId: 'entra-app-3002' },
  ],
};
