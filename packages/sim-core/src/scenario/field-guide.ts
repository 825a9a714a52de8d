/** What to write for a required field that is missing, named by the field; used in "is required" problems. */
const GUIDE: Record<string, string> = {
  version: 'Write "version": 1.',
  run: 'Say how long to run, e.g. "run": { "duration": "60s" } or "run": { "requests": 100000 }.',
  workload:
    'Describe who sends requests, e.g. "workload": { "arrival": { "process": "poisson", "rate": 100 }, "requests": [ … ] }.',
  entry: 'Name the component requests arrive at, e.g. "entry": "web" (a key of "components").',
  components:
    'List the components by name, e.g. "components": { "web": { "type": "station", "servers": 2 } }.',
  requests:
    'List the request classes, e.g. "requests": [{ "name": "page", "steps": [{ "service": { "exp": "5ms" } }] }].',
  name: 'Give it a name, e.g. "name": "page".',
  steps: 'List what the request does, e.g. "steps": [{ "service": { "exp": "5ms" } }].',
  process: 'Choose the arrival process: "poisson", "constant", "onoff" or "trace".',
  arrivals:
    'List the times requests arrive at, e.g. "arrivals": [0.1, "250ms", { "at": "1s", "class": "page" }].',
  peakFactor: 'Give the rate at the peak as a multiple of the rate at the trough, e.g. "peakFactor": 3.',
  at: 'Give the time it happens at, from the start of the run, e.g. "at": "60s".',
  for: 'Give how long it lasts, e.g. "for": "30s".',
  factor: 'Give the multiplier, e.g. "factor": 5 (for a flash crowd: five times the rate).',
  rate: 'Give the rate in requests per second, e.g. "rate": 100.',
  users: 'Give the number of users, e.g. "users": 10.',
  type: 'Give the component\'s kind, e.g. "type": "station".',
  on: 'Give the length of the on-periods, e.g. "on": "1s".',
  off: 'Give the length of the off-periods, e.g. "off": { "exp": "4s" }.',
  from: 'Give the time this rate starts at, e.g. "from": "30s".',
  queues:
    'List the brokers that each get a copy of every message, e.g. "queues": ["email", "audit"] (each consumed by its own workers).',
};

export function fieldGuide(field: string): string {
  return GUIDE[field] ?? "Add it; the scenario reference describes it.";
}
