import { describe, expect, it } from 'vitest';

import { inBatches, sqlEquals, sqlIn, sqlNumber, sqlString } from '../../../../electron/engine/store';

describe('SQL escaping for LanceDB where()', () => {
  it('doubles quotes and keeps every other character as it is', () => {
    expect(sqlString("it's")).toBe("'it''s'");
    expect(sqlString("''")).toBe("''''''");
    expect(sqlString('C:\\Users\\me\\')).toBe("'C:\\Users\\me\\'");
    expect(sqlString('line\nbreak\ttab')).toBe("'line\nbreak\ttab'");
    expect(sqlString('東京/ไทย/😀')).toBe("'東京/ไทย/😀'");
    expect(sqlEquals('path', "a' OR '1'='1")).toBe("path = 'a'' OR ''1''=''1'");
  });

  it('refuses what it cannot write safely', () => {
    expect(() => sqlString('a\u0000b')).toThrow(/NUL/u);
    expect(() => sqlNumber(Number.NaN)).toThrow(RangeError);
    expect(() => sqlIn('id', [])).toThrow(/empty/u);
    expect(sqlNumber(-1.5)).toBe('-1.5');
  });

  it('builds IN lists and bounded batches', () => {
    expect(sqlIn('id', ['a', "b'c"])).toBe("id IN ('a', 'b''c')");
    expect(inBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inBatches([], 2)).toEqual([]);
  });
});
