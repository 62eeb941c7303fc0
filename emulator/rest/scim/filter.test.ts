import { describe, expect, it } from 'vitest';
import { FilterError, parseFilter } from './filter';

const jose = {
  userName: 'jose.nunez@lakeside.example',
  displayName: 'José Núñez',
  name: { givenName: 'José', familyName: 'Núñez' },
  emails: [{ value: 'jose@work.example', type: 'work' }, { value: 'jose@home.example', type: 'home' }],
  active: true,
  externalId: 'say "hi"',
};

describe('parseFilter', () => {
  it.each([
    ['userName eq "jose.nunez@lakeside.example"', true],
    ['USERNAME EQ "JOSE.NUNEZ@LAKESIDE.EXAMPLE"', true],
    ['displayName co "Núñ"', true],
    ['displayName sw "jos"', true],
    ['displayName sw "Núñ"', false],
    ['name.familyName eq "Núñez"', true],
    ['emails.value eq "jose@home.example"', true],
    ['emails eq "jose@work.example"', true],
    ['emails[type eq "home"]', false],
    ['active eq true', true],
    ['active eq false', false],
    ['externalId eq "say \\"hi\\""', true],
    ['userName eq "x" or displayName co "José"', true],
    ['userName sw "jose" and displayName co "nobody"', false],
    ['(userName eq "x" or userName eq "y") and active eq true', false],
    ['not (active eq false)', true],
    ['externalId pr', true],
    ['title pr', false],
    ['userName ne "x"', true],
    ['userName ew ".example"', true],
    ['', true],
  ])('%s → %s', (filter, expected) => {
    if (filter.includes('[')) {
      expect(() => parseFilter(filter)).toThrow(FilterError);
      return;
    }
    expect(parseFilter(filter)(jose)).toBe(expected);
  });

  it.each(['userName', 'userName eq', 'userName zz "x"', 'userName eq "unterminated', '(userName eq "x"', 'userName eq "x" extra', 'userName eq "bad \\q escape"', '1abc eq "x"'])(
    'rejects %s',
    (filter) => {
      expect(() => parseFilter(filter)).toThrow(FilterError);
    },
  );
});
