// `npm run bench`: performance figures, printed (targets are checked by reading them, not by tests).
import { benchFormats } from './formats';

benchFormats();
