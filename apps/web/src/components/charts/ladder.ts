/** One step of a marketplace's penalty ladder (as `StandingView.ruleset.ladder` carries it). */
export interface LadderStep {
  points: number;
  label: string;
  consequence: string;
}

export type StepKind = 'warning' | 'restriction' | 'termination';

/**
 * How severe a step is, for its colour: the termination threshold (and above) terminates;
 * the first step below it warns when the ladder has steps in between; the rest restrict.
 */
export function stepKind(step: LadderStep, index: number, terminationPoints: number): StepKind {
  if (step.points >= terminationPoints) return 'termination';
  if (index === 0) return 'warning';
  return 'restriction';
}

/** Ladder steps in ascending order, with the termination threshold as the last step. */
export function normalizeLadder(ladder: LadderStep[], terminationPoints: number): LadderStep[] {
  const steps = [...ladder].sort((a, b) => a.points - b.points);
  if (!steps.some((step) => step.points >= terminationPoints)) {
    steps.push({
      points: terminationPoints,
      label: 'Terminated',
      consequence: 'The seller account is closed.',
    });
  }
  return steps;
}
