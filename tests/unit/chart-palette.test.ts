import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_TYPE_COLOURS,
  activityTypeColour,
  CHART_ACCENT_COLOUR,
  CHART_EMPHASIS_COLOUR,
} from '../../src/domain/chart-palette';

type Rgb = [number, number, number];

function linearRgb(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (match === null) throw new Error(`not a #rrggbb colour: ${hex}`);
  const channel = (pair: string | undefined) => {
    const c = parseInt(pair ?? '0', 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(match[1]), channel(match[2]), channel(match[3])];
}

/** WCAG 2.x relative luminance and contrast ratio. */
function relativeLuminance(hex: string): number {
  const [r, g, b] = linearRgb(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
const VISION: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function cieLab(rgb: Rgb): Rgb {
  const [r, g, b] = rgb;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function seenAs(hex: string, matrix: number[][]): Rgb {
  const rgb = linearRgb(hex);
  const row = (i: number) => {
    const m = matrix[i]!;
    return Math.min(1, Math.max(0, m[0]! * rgb[0] + m[1]! * rgb[1] + m[2]! * rgb[2]));
  };
  return [row(0), row(1), row(2)];
}

describe('chart palette', () => {
  it('has one colour per activity type (12), all different', () => {
    expect(ACTIVITY_TYPE_COLOURS).toHaveLength(12);
    expect(new Set(ACTIVITY_TYPE_COLOURS.map((c) => c.toLowerCase())).size).toBe(12);
  });

  it('gives every bar colour at least 3:1 contrast against white (WCAG 1.4.11)', () => {
    const ratios = [...ACTIVITY_TYPE_COLOURS, CHART_ACCENT_COLOUR].map((colour) => ({
      colour,
      ratio: Math.round(contrastRatio(colour, '#ffffff') * 100) / 100,
    }));
    for (const { colour, ratio } of ratios) {
      expect(ratio, colour).toBeGreaterThanOrEqual(3);
    }
    // The figures quoted in chart-palette.ts.
    expect(ratios.map((r) => r.ratio)).toEqual([
      5.19, 3.87, 3.11, 8.04, 8.98, 4.47, 8.96, 3.42, 8.95, 3.06, 5.84, 4.98, 5.19,
    ]);
  });

  it('draws outlines and labels at text contrast (4.5:1) against white', () => {
    expect(contrastRatio(CHART_EMPHASIS_COLOUR, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps every two colours apart under simulated colour-blindness (ΔE*ab ≥ 12)', () => {
    for (const [vision, matrix] of Object.entries(VISION)) {
      const labs = ACTIVITY_TYPE_COLOURS.map((colour) => cieLab(seenAs(colour, matrix)));
      let smallest = Infinity;
      for (let i = 0; i < labs.length; i++) {
        for (let j = i + 1; j < labs.length; j++) {
          const [a, b] = [labs[i]!, labs[j]!];
          smallest = Math.min(smallest, Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]));
        }
      }
      expect(smallest, vision).toBeGreaterThanOrEqual(12);
    }
  });

  it('maps positions to colours, wrapping past the end', () => {
    expect(activityTypeColour(0)).toBe('#0072B2');
    expect(activityTypeColour(11)).toBe(ACTIVITY_TYPE_COLOURS[11]);
    expect(activityTypeColour(12)).toBe(activityTypeColour(0));
    expect(activityTypeColour(-1)).toBe(activityTypeColour(11));
  });
});
