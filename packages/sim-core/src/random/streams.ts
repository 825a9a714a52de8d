/**
 * Independent random streams derived from one scenario seed and a stable name ("arrivals",
 * "component:db", …): each stream's generator state is a hash of (seed, name), so adding a
 * component or a request class never shifts the draws of the others.
 */
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import { Rng } from "./rng";

/** FNV-1a over the UTF-16 code units of `text`: a stable 32-bit name hash. */
function hashName(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** One round of the murmur3 32-bit finalizer: spreads every input bit over the output. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** The stream named `name` for the scenario seed `seed` (any finite number; its integer part is used). */
export function randomStream(seed: number, name: string): Rng {
  const seedLow = seed | 0;
  const seedHigh = Math.floor(seed / 4294967296) | 0; // seeds beyond 32 bits still count
  const nameHash = hashName(name);
  // Four distinct words from (seed, name) through a 32-bit counter-mode hash (splitmix-style increments).
  let counter = mix32(seedLow ^ mix32(seedHigh ^ nameHash));
  const state: number[] = [];
  for (let i = 0; i < 4; i++) {
    counter = (counter + 0x9e3779b9) | 0;
    state.push(mix32(counter ^ nameHash));
  }
  // xoroshiro128+ must not start from the all-zero state.
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  return new Rng(xoroshiro128plusFromState(state));
}
