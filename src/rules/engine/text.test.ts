import { describe, expect, it } from 'vitest';
import { money } from '../../domain/index.ts';
import { decimalComma, euroText } from './text.ts';

describe('numbers in the Dutch texts of reasons and traces', () => {
  it('writes a decimal comma', () => {
    expect(decimalComma(19.5)).toBe('19,5');
    expect(decimalComma(12)).toBe('12');
  });

  it('writes amounts with thousands points and two decimals, optionally with the euro sign', () => {
    expect(euroText(money.euros('2500.5'))).toBe('2.500,50');
    expect(euroText(money.euros('7.45'))).toBe('7,45');
    expect(euroText(money.euros('149505'), true)).toBe('€ 149.505,00');
  });
});
