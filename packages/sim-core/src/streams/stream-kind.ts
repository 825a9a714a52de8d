/** The stream kind: a partitioned log that publish steps append to and consumer groups read. */
import type { ComponentKind } from "../component/component-kind";
import { Stream, type StreamStats } from "./stream";
import { type StreamComponent, streamSchema } from "./stream-schema";

export const streamKind: ComponentKind<StreamComponent, StreamStats> = {
  type: "stream",
  schema: streamSchema,
  create: (name, spec, context) => new Stream(name, spec, context),
  hosts: {
    steps: [],
    use: 'a stream runs no steps: publish records to it with { "publish": "<stream>", "task": { "steps": [ … ] } }, and a consumer group runs them.',
  },
  call: () => ({ needs: "nothing" }),
  names: () => [],
};
