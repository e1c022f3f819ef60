/** Default size cap: larger files are reported TOO_LARGE without being read. */
export const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;
