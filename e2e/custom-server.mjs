// Starts portal-server in `custom` mode for e2e/playwright.custom.config.ts: asks the
// simulator (E2E_SIM_URL) for its staff personas first — in custom mode the staff role
// comes only from PORTAL_STAFF_PIDS, as it would in TT02 — then runs the server in the
// foreground, passing signals on.
import { spawn } from 'node:child_process';

const sim = process.env.E2E_SIM_URL;
const personas = await (await fetch(`${sim}/sim/api/personas`)).json();
const staff = personas.filter((p) => p.roles.includes('staff')).map((p) => p.pid);
if (staff.length === 0) throw new Error('the simulator lists no staff persona');
const server = spawn(process.env.PORTAL_SERVER_BIN, [], {
  stdio: 'inherit',
  env: { ...process.env, PORTAL_STAFF_PIDS: staff.join(',') },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
