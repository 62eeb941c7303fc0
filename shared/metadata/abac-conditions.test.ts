import { describe, expect, it } from 'vitest';
import { maskedColumnCondition, parseTagCondition } from './abac-conditions';

describe('ABAC conditions', () => {
  it('reads the simple tag conditions in both documented spellings, with or without an alias', () => {
    expect(parseTagCondition("hasTagValue('pii', 'email') AS e")).toEqual({ key: 'pii', value: 'email' });
    expect(parseTagCondition("has_tag_value('class','it''s')")).toBeUndefined();
    expect(parseTagCondition("has_tag_value('class', 'a\\'b')")).toEqual({ key: 'class', value: "a'b" });
    expect(parseTagCondition("hasTag('regional')")).toEqual({ key: 'regional', value: null });
    expect(parseTagCondition("hasTag('a') AND hasTag('b')")).toBeUndefined();
  });

  it('knows the masked column only when MATCH COLUMNS has one entry', () => {
    expect(maskedColumnCondition(["hasTag('pii') AS c"])).toEqual({ key: 'pii', value: null });
    expect(maskedColumnCondition(["hasTag('pii') AS c", "hasTag('region') AS r"])).toBeUndefined();
    expect(maskedColumnCondition([])).toBeUndefined();
  });
});
