// Entity tags name exact bytes; If-None-Match is read as RFC 9110 asks for GET (weak comparison).

import { expect, test } from "vitest";
import { entityTag, noneMatchHits } from "../../../apps/api/src/http/entity-tag";

const bytes = (text: string) => new TextEncoder().encode(text);

test("a tag is strong, quoted, and differs when one byte differs", () => {
  const tag = entityTag(bytes('{"a":1}'));
  expect(tag).toMatch(/^"[\w-]{22}"$/);
  expect(entityTag(bytes('{"a":1}'))).toBe(tag);
  expect(entityTag(bytes('{"a":2}'))).not.toBe(tag);
});

test("If-None-Match hits on the tag, its weak form, a list holding it, or *", () => {
  const tag = '"abc"';
  expect(noneMatchHits(undefined, tag)).toBe(false);
  expect(noneMatchHits('"abc"', tag)).toBe(true);
  expect(noneMatchHits('W/"abc"', tag)).toBe(true);
  expect(noneMatchHits('"x", W/"y",  "abc" ', tag)).toBe(true);
  expect(noneMatchHits(" * ", tag)).toBe(true);
  expect(noneMatchHits('"abcd"', tag)).toBe(false);
  expect(noneMatchHits("abc", tag)).toBe(false);
  expect(noneMatchHits("", tag)).toBe(false);
});
