// A Node HTTP server: one event loop, two kinds of request. /light computes 1 ms, waits 10 ms on
// a timer (non-blocking, like an upstream call), computes 1 ms more and answers; /heavy computes
// 300 ms in one go, and while it does the loop answers no one else.
//
//   node event-loop.mjs <port>     prints "listening <port>" once bound
import { createServer } from "node:http";

/** Spins until the process has used `ms` more of CPU time. */
function compute(ms) {
  const until = process.cpuUsage().user + process.cpuUsage().system + ms * 1000;
  let x = 1;
  while (process.cpuUsage().user + process.cpuUsage().system < until)
    for (let i = 0; i < 1000; i++) x = (x * 1103515245 + 12345) % 2147483648;
  return x;
}

const server = createServer((request, response) => {
  const answer = () => response.end("ok");
  if (request.url === "/heavy") {
    compute(300);
    answer();
    return;
  }
  compute(1);
  setTimeout(() => {
    compute(1);
    answer();
  }, 10);
});
server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", () => {
  console.log(`listening ${server.address().port}`);
});
