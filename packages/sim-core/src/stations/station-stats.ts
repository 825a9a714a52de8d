/** What a station reports in the result; servers and pools report these figures too, and their own. */
export interface StationStats {
  utilization: number; // busy server-time / (servers × measured time)
  queueLength: { mean: number; max: number }; // waiting, not in service
  inSystem: { mean: number; max: number }; // waiting + in service
  served: number;
  rejected: number;
}
