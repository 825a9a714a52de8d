/** Entry point of `npm run sim`: runs the command line on the process's arguments and streams. */
import { cli } from "./cli";

process.exitCode = await cli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  progress: {
    // Only when both go to the terminal: output piped or redirected gets nothing extra.
    isTTY: process.stdout.isTTY === true && process.stderr.isTTY === true,
    columns: process.stderr.columns,
    write: (text) => process.stderr.write(text),
  },
});
