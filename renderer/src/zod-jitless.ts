import { z } from 'zod';

// zod probes `new Function` to speed up object parsing; under our CSP (no 'unsafe-eval') the probe is
// refused and Chromium logs a CSP violation. Imported first by main.tsx, before anything is parsed.
z.config({ jitless: true });
