import { z } from 'zod';

/**
 * The voting rules of a body, as data (domain.md): a cabinet and a provincial people's
 * committee differ only in these numbers. Fractions are exact rationals so that "two thirds"
 * and "more than half" are decided without floating-point error.
 */
export const fractionSchema = z.strictObject({
  numerator: z.number().int().min(0),
  denominator: z.number().int().min(1),
});
export type Fraction = z.infer<typeof fractionSchema>;

export const ruleSetSchema = z.strictObject({
  id: z.string().min(1).max(64),
  /** Present voters needed for a valid meeting, as a share of all voting members (≥). */
  quorum: fractionSchema,
  /** A decision passes with votes for strictly MORE than this share of ALL voting members. */
  majorityOfAll: fractionSchema,
  /** On an exact tie of for/against at the majority threshold, the chair's side wins. */
  tieBreakByChair: z.boolean(),
  /** Whether written opinions count toward the same majority. */
  writtenOpinionsCount: z.boolean(),
});
export type RuleSet = z.infer<typeof ruleSetSchema>;

/** The Government (Law on Government Organisation 2015 and the working regulation). */
export const CABINET_RULES: RuleSet = {
  id: 'vn.cabinet.2015',
  quorum: { numerator: 2, denominator: 3 },
  majorityOfAll: { numerator: 1, denominator: 2 },
  tieBreakByChair: true,
  writtenOpinionsCount: true,
};

/** A provincial people's committee: the same thresholds, kept as its own rule set. */
export const PROVINCIAL_COMMITTEE_RULES: RuleSet = { ...CABINET_RULES, id: 'vn.provincial-committee.2015' };

export const RULE_SETS: Readonly<Record<string, RuleSet>> = {
  [CABINET_RULES.id]: CABINET_RULES,
  [PROVINCIAL_COMMITTEE_RULES.id]: PROVINCIAL_COMMITTEE_RULES,
};

/** a/b ≥ f, in integers. */
export function atLeast(count: number, total: number, f: Fraction): boolean {
  return count * f.denominator >= total * f.numerator;
}

/** a/b > f, in integers. */
export function moreThan(count: number, total: number, f: Fraction): boolean {
  return count * f.denominator > total * f.numerator;
}
