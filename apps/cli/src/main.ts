/** Entry point of `npm run sim`: runs the command line on the process's arguments and streams. */
import { cli } from "./cli";

process.exitCode = await cli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
