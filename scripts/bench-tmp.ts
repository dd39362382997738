import { benchReimport } from './bench/reimport';
benchReimport();
