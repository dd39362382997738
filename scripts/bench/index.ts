// `npm run bench`: performance figures, printed (targets are checked by reading them, not by tests).
import { benchAutotime } from './autotime';
import { benchFormats } from './formats';
import { benchPeaks } from './peaks';

benchFormats();
benchPeaks()
  .then(benchAutotime)
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
