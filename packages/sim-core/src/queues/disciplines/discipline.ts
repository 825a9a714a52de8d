/**
 * A waiting line's discipline: the one decision it makes, which waiter goes next. FIFO and LIFO
 * take the oldest or newest of a ring; priority and deadline lines rank waiters in a heap.
 */
import { BinaryHeap } from "../binary-heap";
import type { LineOrder, Ranked } from "./line-order";
import { byDeadline, byPriority } from "./rank";
import { FifoOrder, LifoOrder } from "./ring-order";

export type Discipline = "fifo" | "lifo" | "priority" | "deadline";

export function createOrder<T extends Ranked>(discipline: Discipline): LineOrder<T> {
  switch (discipline) {
    case "fifo":
      return new FifoOrder<T>();
    case "lifo":
      return new LifoOrder<T>();
    case "priority":
      return new BinaryHeap<T>(byPriority);
    case "deadline":
      return new BinaryHeap<T>(byDeadline);
  }
}
