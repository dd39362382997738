import { runCli } from '../../electron/cli/run';
const code = await runCli(process.argv.slice(2), { stdout: (d) => process.stdout.write(d), stderr: (l) => process.stderr.write(l + '\n') });
process.exitCode = code;
