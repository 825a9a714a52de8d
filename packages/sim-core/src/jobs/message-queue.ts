/**
 * A FIFO of messages that also answers "the oldest one still waiting": acked or expired messages
 * are left in place and skipped when they reach the head (cheaper than removing from the middle).
 */
import { MESSAGE_READY, type Message } from "./job";

export class MessageQueue {
  private items: (Message | undefined)[] = [];
  private head = 0;

  push(message: Message): void {
    this.items.push(message);
  }

  /** The oldest message still ready, or undefined; stale entries before it are dropped. */
  peek(): Message | undefined {
    const items = this.items;
    while (this.head < items.length && items[this.head]!.state !== MESSAGE_READY)
      items[this.head++] = undefined;
    if (this.head === items.length && this.head > 0) {
      // Empty: start the array again rather than let it grow without bound.
      items.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > items.length) {
      this.items = items.slice(this.head);
      this.head = 0;
    }
    return this.items[this.head];
  }

  /** Removes and returns the oldest ready message. */
  shift(): Message | undefined {
    const message = this.peek();
    if (message !== undefined) this.items[this.head++] = undefined;
    return message;
  }
}
