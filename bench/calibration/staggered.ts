/** Runs jobs concurrently, starting each `gapSeconds` after the one before; results in job order. */
export async function staggered<J, R>(
  jobs: J[],
  gapSeconds: number,
  run: (job: J) => Promise<R>,
): Promise<R[]> {
  return Promise.all(
    jobs.map(async (job, i) => {
      await new Promise((r) => setTimeout(r, i * gapSeconds * 1000));
      return run(job);
    }),
  );
}
