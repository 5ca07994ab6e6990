import { z } from 'zod';

// Zod 4 probes `new Function` to compile faster validators. The built app's Content Security
// Policy forbids eval, so the probe shows up as a CSP violation; jitless mode never tries.
// Imported first by main.tsx, because imports run before the importing module's own code.
z.config({ jitless: true });
