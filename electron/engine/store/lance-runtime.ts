import { availableParallelism } from 'node:os';

/**
 * LanceDB 0.31 (lance 8) keeps cores for I/O and, on a machine with fewer than 4, leaves one compute
 * thread. Its full-text index builder then deadlocks — 0 % CPU, forever — as soon as the index outgrows
 * one write batch: measured on the 2-core CI machine, an n-gram index over 700 chunks of 1.5 KB never
 * finished, 200 took 0.16 s, and with two compute threads 10 000 took 3.8 s. LanceDB reads the variable
 * when its runtime starts (the first call), so this runs before `connect`. A value the user set wins.
 */
export function configureLanceRuntime(): void {
  if (process.env['LANCE_CPU_THREADS'] === undefined && availableParallelism() < 4) {
    process.env['LANCE_CPU_THREADS'] = '2';
  }
}
