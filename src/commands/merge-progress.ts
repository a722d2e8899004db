/**
 * What a merge is doing, for the progress line on a terminal: a million-entry merge takes
 * minutes, and without it nothing would show between reading the files and the result.
 */

/**
 * The merge's steps as the progress line names them, each with the phase whose end starts it
 * (MergeInput.onPhase); the phases in between continue the step shown. The first starts with
 * the merge.
 */
const STEPS: readonly { after?: string; label: string }[] = [
  { label: 'learning the names partners use' },
  { after: 'lexicon', label: 'normalising the entries' },
  { after: 'normalise', label: 'finding candidate pairs' },
  { after: 'resolve: locality layout', label: 'scoring candidate pairs' },
  { after: 'resolve: candidate pairs and scores', label: 'grouping entries into threats' },
  { after: 'groups', label: 'ranking the threats' },
];

/** The progress lines of one merge, as its phases end. */
export class MergeProgress {
  private readonly began: number;

  constructor(
    private readonly entries: number,
    private readonly submissions: number,
    private readonly now: () => number = Date.now,
  ) {
    this.began = now();
  }

  /** The line for the start of the merge. */
  first(): string {
    return this.line(0);
  }

  /** The line for the step `phase`'s end starts, or undefined when the step shown goes on. */
  after(phase: string): string | undefined {
    const k = STEPS.findIndex((s) => s.after === phase);
    return k < 0 ? undefined : this.line(k);
  }

  private line(k: number): string {
    const seconds = Math.floor((this.now() - this.began) / 1000);
    const count = `${this.entries.toLocaleString('en-GB')} entries from ${this.submissions} submission${this.submissions === 1 ? '' : 's'}`;
    return `merging ${count}: ${STEPS[k]!.label}… (step ${k + 1} of ${STEPS.length}, ${seconds} s in)`;
  }
}

/** The progress line while a result is written to a file. */
export function writeProgressLine(file: string, bytes: number): string {
  return `writing ${file}: ${Math.round(bytes / 1e6)} MB`;
}
