// Registered with `node --import`: prints every module a process loads (one `loaded <url>` line on
// standard error), so a test can check what a command costs at start-up.
import { register } from 'node:module';

register(new URL('./record-imports-hooks.mjs', import.meta.url));
