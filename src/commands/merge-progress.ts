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
  { after: 'normalise', label: 'indexing the entries' },
  { after: 'resolve: locality layout', label: 'finding and scoring candidate pairs' },
  { after: 'resolve: candidate pairs and scores', label: 'grouping entries into threats' },
  { after: 'groups', label: 'ranking the threats' },
];

/** The progress lines of one merge, as its phases end. */
export class MergeProgress {
  private readonly began: number;

  constructor(
    private readonly entries: number,
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
    // Short enough for an 80-column terminal with a million entries and the longest step.
    return `merging ${this.entries.toLocaleString('en-GB')} entries: ${STEPS[k]!.label}… (${k + 1}/${STEPS.length}, ${seconds} s)`;
  }
}

/** The progress line while a result is written to a file. */
export function writeProgressLine(file: string, bytes: number): string {
  return `writing ${file}: ${Math.round(bytes / 1e6)} MB`;
}
