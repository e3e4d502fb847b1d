import { describe, expect, it } from 'vitest';
import { createFaults, noFaults, parseFaultPlan } from '../../../server/src/faults/faultPlan.ts';

describe('test-only fault plan', () => {
  it('is inert when unset or empty', () => {
    expect(parseFaultPlan(undefined)).toBeNull();
    expect(parseFaultPlan('')).toBeNull();
    expect(parseFaultPlan('  ')).toBeNull();
    expect(createFaults(null)).toBe(noFaults);
  });

  it('parses <point>:<n> and refuses anything else (a typo must not pass silently)', () => {
    expect(parseFaultPlan('push:before-commit:3')).toEqual({ point: 'push:before-commit', hit: 3 });
    expect(parseFaultPlan(' push:before-ack:1 ')).toEqual({ point: 'push:before-ack', hit: 1 });
    for (const bad of [
      'push:before-commit',
      'push:before-commit:0',
      'push:after-comit:1',
      'x:y:1',
      'push:after-commit:-1',
      'push:after-commit:1:2',
    ]) {
      expect(() => parseFaultPlan(bad)).toThrow(/invalid fault plan/);
    }
  });

  it('kills on the n-th arrival at the planned point only', () => {
    const kills: number[] = [];
    let arrivals = 0;
    const faults = createFaults({ point: 'push:after-commit', hit: 3 }, () => kills.push(arrivals));
    for (let i = 1; i <= 5; i += 1) {
      arrivals = i;
      faults.reach('push:before-commit');
      faults.reach('push:after-commit');
    }
    expect(kills).toEqual([3]);
  });
});
