import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatEuro,
  formatNumber,
  formatPercent,
  formatPoints,
  parseDecimalInput,
} from '../../src/web/format.ts';

const NBSP = '\u00a0';

describe('nl-BE formats', () => {
  it('formats as the issue shows: 63.552 · 79,2 % · € 1.250,00 · 23/11/2026', () => {
    expect(formatNumber(63552)).toBe('63.552');
    expect(formatPercent(79.2)).toBe(`79,2${NBSP}%`);
    expect(formatEuro(1250)).toBe(`€${NBSP}1.250,00`);
    expect(formatDate('2026-11-23')).toBe('23/11/2026');
    expect(formatPoints(2.6)).toBe(`+2,6${NBSP}ppt`);
  });

  it.each([
    ['7,45', 7.45],
    ['7.45', 7.45],
    ['1.250', 1250],
    ['1.250,50', 1250.5],
    ['1 250,50', 1250.5],
    ['-3', -3],
    ['0,5', 0.5],
  ])('reads the number typed as %s', (typed, value) => {
    expect(parseDecimalInput(typed)).toBe(value);
  });

  it.each(['veertig', '1.2.3', '7,4,5', ''])('leaves %j as text for the command to refuse', (typed) => {
    expect(parseDecimalInput(typed)).toBe(typed);
  });
});
