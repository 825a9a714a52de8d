/** "Did you mean …?": the allowed name closest to a misspelt one, if any is close enough to be a typo. */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  // A third of the name's length (at least 1, at most 3 edits) separates a typo from another word.
  const tolerance = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    // The distance is at least the difference in length: a name far longer than any candidate
    // (a hostile key of a megabyte) is never compared letter by letter.
    if (Math.abs(lower.length - other.length) > tolerance) continue;
    const distance = editDistance(lower, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= tolerance ? best : undefined;
}

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of neighbours
 * (optimal string alignment): "entyr" is one slip away from "entry", not two.
 */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let distance = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, before[j - 2]! + 1);
      }
      current.push(distance);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
