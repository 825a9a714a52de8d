/**
 * A waiting line's discipline: the one decision it makes, which waiter goes next. FIFO and LIFO
 * take the oldest or newest entry of a ring; priority and deadline lines rank entries in a heap.
 */
import { BinaryHeap } from "../binary-heap";
import type { LineOrder } from "./line-order";
import { byDeadline, byPriority } from "./rank";
import { RingOrder } from "./ring-order";

export type Discipline = "fifo" | "lifo" | "priority" | "deadline";

export function createOrder(discipline: Discipline): LineOrder {
  switch (discipline) {
    case "fifo":
      return new RingOrder(false);
    case "lifo":
      return new RingOrder(true);
    case "priority":
      return new BinaryHeap(byPriority);
    case "deadline":
      return new BinaryHeap(byDeadline);
  }
}
