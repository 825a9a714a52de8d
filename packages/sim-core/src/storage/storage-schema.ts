/** A storage service that takes writes, optionally checking fencing tokens, as a scenario writes it. */
import { z } from "zod";

export interface StorageComponent {
  type: "storage";
  fencing: boolean; // default false
}

export const storageSchema = z
  .strictObject({
    type: z.literal("storage"),
    fencing: z
      .boolean()
      .default(false)
      .describe(
        "Check fencing tokens: refuse a write whose lock token is below the highest this storage has accepted for that lock (Kleppmann 2016). Default false.",
      ),
  })
  .transform((s): StorageComponent => ({ type: "storage", fencing: s.fencing }))
  .describe(
    'Storage taking writes: call it with a `hold` (the write\'s time) from inside a lock-service\'s steps: { "type": "storage", "fencing": true }.',
  );
