// `npm run bench`: performance figures, printed (targets are checked by reading them, not by tests).
import { benchAutotime } from './autotime';
import { benchEditor } from './editor';
import { benchFormats } from './formats';
import { benchPeaks } from './peaks';
import { benchQa } from './qa';
import { benchReimport } from './reimport';
import { benchTranslate } from './translate';

benchFormats();
benchReimport();
benchQa()
  .then(benchPeaks)
  .then(benchAutotime)
  .then(benchTranslate)
  .then(() => benchEditor())
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
