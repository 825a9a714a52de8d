/**
 * Component factories keyed by the scenario's `type`. A new kind of component (server,
 * pool, balancer) lives in its own folder and adds one line to `factories`.
 */
import { catalogueError } from "../errors/catalogue";
import { ConnectionPool } from "../pools/connection-pool";
import type { Component as ComponentSpec } from "../scenario/model";
import { Server } from "../servers/server";
import { createStation } from "../stations/create-station";
import type { Component, ComponentContext } from "./component";

type Factories = {
  [T in ComponentSpec["type"]]?: (
    name: string,
    spec: Extract<ComponentSpec, { type: T }>,
    context: ComponentContext,
  ) => Component;
};

const factories: Factories = {
  station: createStation,
  server: (name, spec, context) => new Server(name, spec, context),
  pool: (name, spec, context) => new ConnectionPool(name, spec, context),
};

export function createComponent(name: string, spec: ComponentSpec, context: ComponentContext): Component {
  const factory = factories[spec.type] as
    | ((name: string, spec: ComponentSpec, context: ComponentContext) => Component)
    | undefined;
  if (factory === undefined) {
    throw catalogueError("scenario.component-type", {
      got: JSON.stringify(spec.type),
      types: Object.keys(factories),
    });
  }
  return factory(name, spec, context);
}
