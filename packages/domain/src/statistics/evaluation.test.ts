import { describe, expect, it } from 'vitest';
import { reliableChange } from '../instruments/change.ts';
import {
  correctedItemTotal,
  covarianceMatrix,
  cronbachAlpha,
  itemSums,
  pairedChange,
  pairedSums,
  referenceValues,
  reliableChangeThreshold,
  scaleCovariance,
  stratifiedAlpha,
  tQuantile,
  welchDifference,
} from './evaluation.ts';

/*
 * Expected figures were computed independently with SciPy 1.17 / NumPy 2.4:
 *   stats.ttest_rel(y, x).confidence_interval(0.95), d.std(ddof=1), stats.t.ppf,
 *   stats.ttest_ind(a, b, equal_var=False).confidence_interval(0.95),
 *   alpha = k/(k-1) * (1 - trace(C)/C.sum()) with C = np.cov(X, rowvar=False),
 *   corrected item-total r = np.corrcoef(X[:, i], X.sum(1) - X[:, i]).
 */
const close = (actual: number | null | undefined, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThan(1e-6);
};

const t0 = [40, 30, 50, 20, 60, 35, 45];
const t1 = [55, 38, 49, 45, 70, 35, 60];
const pairs = t0.map((x, i) => [x, t1[i] as number] as const);

describe('t quantile', () => {
  it('matches scipy.stats.t.ppf for small, medium and fractional degrees of freedom', () => {
    close(tQuantile(0.975, 1), 12.706204736174694);
    close(tQuantile(0.975, 6), 2.4469118511449786);
    close(tQuantile(0.975, 30.5), 2.04086944518632);
  });
});

describe('paired change', () => {
  it('gives means, the paired t 95 % interval and the SRM of a small data set', () => {
    const c = pairedChange(pairedSums(pairs));
    expect(c.n).toBe(7);
    close(c.meanT0, 40);
    close(c.meanT1, 50.285714285714285);
    close(c.meanChange, 10.285714285714286);
    close(c.sdChange, 9.123491395189411);
    close(c.ci95?.[0], 1.847892059057095);
    close(c.ci95?.[1], 18.723536512371478);
    close(c.srm, 1.1273879527236346);
  });

  it('returns no figures for n = 0', () => {
    expect(pairedChange(pairedSums([]))).toEqual({
      n: 0,
      meanT0: null,
      meanT1: null,
      meanChange: null,
      sdChange: null,
      ci95: null,
      srm: null,
    });
  });

  it('gives means but no SD, interval or SRM for n = 1', () => {
    const c = pairedChange(pairedSums([[30, 42]]));
    expect(c).toMatchObject({
      n: 1,
      meanT0: 30,
      meanT1: 42,
      meanChange: 12,
      sdChange: null,
      ci95: null,
      srm: null,
    });
  });

  it('gives a zero-width interval and no SRM when every change is the same', () => {
    const c = pairedChange(
      pairedSums([
        [10, 15],
        [20, 25],
        [33, 38],
      ]),
    );
    close(c.meanChange, 5);
    close(c.sdChange, 0);
    expect(c.ci95).toEqual([5, 5]);
    expect(c.srm).toBeNull();
  });
});

describe('difference of two cohorts (Welch)', () => {
  const summary = (xs: number[]) => {
    const n = xs.length;
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    return { n, mean, sd };
  };
  it('matches scipy ttest_ind(equal_var=False)', () => {
    const d = welchDifference(summary([10, 12, 15, 9, 20]), summary([5, 7, 3, 9, 4, 6]));
    close(d.difference, 7.533333333333332);
    close(d.df, 5.561732133200104);
    close(d.ci95?.[0], 2.1153410717381744);
    close(d.ci95?.[1], 12.951325594928491);
  });
  it('gives no interval when a group has a single value', () => {
    expect(welchDifference({ n: 1, mean: 3, sd: 0 }, { n: 5, mean: 2, sd: 1 }).ci95).toBeNull();
  });
});

describe("Cronbach's alpha and corrected item-total correlation", () => {
  const X = [
    [3, 4, 3, 2],
    [2, 2, 3, 1],
    [4, 5, 4, 4],
    [1, 2, 2, 1],
    [5, 4, 5, 5],
    [3, 3, 4, 2],
  ];
  it('matches the numpy computation', () => {
    const cov = covarianceMatrix(itemSums(X, 4));
    close(cronbachAlpha(cov), 0.946808510638298);
    const r = correctedItemTotal(cov);
    close(r[0], 0.9780759955449393);
    close(r[1], 0.7844366826525319);
    close(r[2], 0.8667379539469502);
    close(r[3], 0.9403017885618173);
  });

  it('leaves out cases with a missing item (listwise)', () => {
    const withMissing = [...X, [null, 1, 5, 1], [2, null, null, 3]];
    const s = itemSums(withMissing, 4);
    expect(s.n).toBe(6);
    close(cronbachAlpha(covarianceMatrix(s)), 0.946808510638298);
  });

  it('turns reverse-coded items round before computing', () => {
    const stored = X.map((r) => [r[0] as number, 6 - (r[1] as number), r[2] as number, r[3] as number]);
    const cov = scaleCovariance(covarianceMatrix(itemSums(stored, 4)) as number[][], [1, -1, 1, 1]);
    close(cronbachAlpha(cov), 0.946808510638298);
    close(correctedItemTotal(cov)[1], 0.7844366826525319);
  });

  it('has no alpha for n = 0, n = 1, one item or a total without variance', () => {
    expect(cronbachAlpha(covarianceMatrix(itemSums([], 4)))).toBeNull();
    expect(cronbachAlpha(covarianceMatrix(itemSums([[1, 2, 3, 4]], 4)))).toBeNull();
    expect(cronbachAlpha(covarianceMatrix(itemSums([[1], [2], [3]], 1)))).toBeNull();
    const flat = covarianceMatrix(
      itemSums(
        [
          [2, 2],
          [2, 2],
          [2, 2],
        ],
        2,
      ),
    );
    expect(cronbachAlpha(flat)).toBeNull();
    expect(correctedItemTotal(flat)).toEqual([null, null]);
  });
});

describe('stratified alpha of the total score', () => {
  it('is 1 - sum(var_i (1 - r_i)) / var(sum), with var(sum) = m^2 var(mean)', () => {
    // By hand: parts var 100 (r .8) and 64 (r .75): error 20 + 16 = 36; var(mean) 60 -> var(sum) 240.
    close(
      stratifiedAlpha(
        [
          { variance: 100, reliability: 0.8 },
          { variance: 64, reliability: 0.75 },
        ],
        60,
      ),
      0.85,
    );
  });
  it('is null without variance or parts', () => {
    expect(stratifiedAlpha([], 10)).toBeNull();
    expect(stratifiedAlpha([{ variance: 1, reliability: 0.5 }], 0)).toBeNull();
  });
});

describe('reference values for the RCI', () => {
  const intake = {
    n: t0.length,
    sum: t0.reduce((a, b) => a + b, 0),
    sumSquares: t0.reduce((a, b) => a + b * b, 0),
  };
  const defaults = { sd: 20, reliability: 0.8 };

  it('uses the estimated SD and alpha once n reaches the minimum, and the RCI classes follow', () => {
    const ref = referenceValues(intake, { value: 0.946808510638298, n: 7 }, defaults, 5);
    expect(ref.source).toBe('estimated');
    close(ref.sd, 13.228756555322953);
    close(ref.reliability, 0.946808510638298);
    close(reliableChangeThreshold(ref, 1.96), 8.456899487174368);
    const classes = pairs.map(([x, y]) => reliableChange(x, y, ref, 1.96).class);
    expect(classes).toEqual([
      'improved',
      'unchanged',
      'unchanged',
      'improved',
      'improved',
      'unchanged',
      'improved',
    ]);
  });

  it('falls back to the instrument defaults below the minimum n and says so', () => {
    const ref = referenceValues(intake, { value: 0.9, n: 7 }, defaults);
    expect(ref).toEqual({ sd: 20, reliability: 0.8, source: 'instrument_default', n: 7, alphaN: 7 });
  });

  it('keeps the default reliability when alpha is unusable', () => {
    const ref = referenceValues(intake, { value: null, n: 0 }, defaults, 5);
    expect(ref.source).toBe('estimated');
    expect(ref.reliability).toBe(0.8);
    expect(referenceValues(intake, { value: -0.2, n: 7 }, defaults, 5).reliability).toBe(0.8);
  });

  it('falls back when the intake scores have no variance', () => {
    expect(
      referenceValues({ n: 200, sum: 200 * 50, sumSquares: 200 * 2500 }, { value: 0.8, n: 200 }, defaults)
        .source,
    ).toBe('instrument_default');
  });
});
