/** The engine version: part of every result and of run ids, bumped whenever results change. */
export const ENGINE_VERSION = "0.4.2";
