// A set of churn factors as one number, bit i standing for CHURN_FACTORS[i]. Saves an array per
// customer, and as a plain number it keys the memory of "not judged" sentences (sentence-memory.ts).
import { CHURN_FACTORS, type ChurnFactorName, type DriverFactorName } from './factors.ts';

export type FactorSet = number;

export const NO_FACTORS: FactorSet = 0;

const BIT: Partial<Record<DriverFactorName, number>> = Object.fromEntries(CHURN_FACTORS.map((factor, index) => [factor, 1 << index]));

/** The set with `factor` added (the set given is a number: nothing is changed in place). */
export const withFactor = (set: FactorSet, factor: ChurnFactorName): FactorSet => set | (BIT[factor] as number);

export const factorSetOf = (factors: readonly ChurnFactorName[]): FactorSet => factors.reduce(withFactor, NO_FACTORS);

/** Whether `factor` is in the set; never for the learned model's own factors, which no set holds. */
export const hasFactor = (set: FactorSet, factor: DriverFactorName): boolean => (set & (BIT[factor] ?? 0)) !== 0;

/** The factors in the set, in CHURN_FACTORS order. */
export const factorsIn = (set: FactorSet): ChurnFactorName[] => CHURN_FACTORS.filter((factor) => hasFactor(set, factor));
