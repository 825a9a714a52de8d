/**
 * Outages for every kind at once: `failing(kind)` adds an `outages` field to the kind's schema
 * (keeping its checks, descriptions and JSON Schema metadata) and wraps the components it builds
 * when they have outages. Components without outages are built as before and cost nothing more.
 * A kind that declares `ownOutages` handles its outages itself and is left as it is.
 */
import { z } from "zod";
import type { ComponentKind } from "../component/component-kind";
import { FailingComponent, type OutageStats } from "./failing-component";
import { type OutageSpec, outagesSchema } from "./outage-schema";
import { OutageState } from "./outage-state";

/** What every kind's spec gains: its outages, when it has any. */
export interface Outages {
  outages?: OutageSpec[];
}

type Failing<K> =
  K extends ComponentKind<infer Spec, infer Stats>
    ? ComponentKind<Spec & Outages, Stats & { outages?: OutageStats }>
    : never;

/** Copies the metadata (description, JSON Schema keywords) registered for `from` onto `to`. */
function withMetaOf<T extends z.ZodType>(to: T, from: z.ZodType): T {
  const meta = z.globalRegistry.get(from);
  return meta === undefined ? to : (to.meta(meta) as T);
}

/**
 * The schema with an `outages` field: an object gains the field; an object piped into a
 * transform (the usual shape of a kind's schema) gains it before the transform, and the field is
 * carried past the transform into the normalised spec.
 */
export function withOutagesField(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject)
    return withMetaOf(schema.extend({ outages: outagesSchema.optional() }), schema);
  if (schema instanceof z.ZodPipe && schema.out instanceof z.ZodTransform) {
    const input = withOutagesField(schema.in as z.ZodType) as z.ZodType<Record<string, unknown>>;
    const transform = (schema.out as z.ZodTransform)._zod.def.transform;
    const piped = input.transform((value, ctx) => {
      const { outages, ...rest } = value;
      const spec = transform(rest, ctx as never) as Record<string, unknown>;
      return outages === undefined ? spec : { ...spec, outages };
    });
    return withMetaOf(piped, schema);
  }
  throw new Error(`outages: cannot add a field to a ${schema.constructor.name}`);
}

/** The kind with outages for its components (unchanged if it handles its own). */
export function failing<K extends ComponentKind<{ type: string }, object>>(kind: K): Failing<K> {
  if (kind.ownOutages) return kind as unknown as Failing<K>;
  const failingKind: ComponentKind<{ type: string } & Outages, object> = {
    ...kind,
    schema: withOutagesField(kind.schema) as z.ZodType<{ type: string } & Outages, unknown>,
    create(name, spec, context) {
      const component = kind.create(name, spec, context);
      if (spec.outages === undefined || spec.outages.length === 0) return component;
      const rng = context.stream?.("outages") ?? context.rng;
      return new FailingComponent(component, new OutageState(context.sim, rng, spec.outages), context);
    },
  };
  return failingKind as unknown as Failing<K>;
}

/** Every kind of the list with outages, the list's order and types kept. */
export function failingKinds<const T extends readonly ComponentKind<{ type: string }, object>[]>(
  kinds: T,
): { readonly [I in keyof T]: Failing<T[I]> } {
  return kinds.map((kind) => failing(kind)) as unknown as { readonly [I in keyof T]: Failing<T[I]> };
}
