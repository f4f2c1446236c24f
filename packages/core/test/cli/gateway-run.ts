import { cliCommands } from '../../src/cli/command-table';
import { runCli } from '../../src/cli/run-cli';
import type { SimulatedMessage, SimulatedMessageState } from '../../src/simulator/simulated-network';
import type { GatewaySimulator } from '../../src/simulator/gateway-simulator';
import { createMemoryIo } from './memory-io';

/** Runs `smsbridge <argv>` in-process with the real command table and the environment the entry would hand over. */
export async function runGatewayCommand(argv: string[], env: Record<string, string | undefined> = {}) {
  const io = Object.assign(createMemoryIo(), { env });
  const code = await runCli(argv, io, { commands: cliCommands, version: 'test' });
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

/** `--gateway … --url … --username …` for a started simulator, and its password. */
export function connectionArgs(simulator: GatewaySimulator): { args: string[]; password: string } {
  const { credentials } = simulator.describe();
  return {
    args: ['--gateway', simulator.gateway, '--url', simulator.baseUrl, '--username', credentials.username ?? ''],
    password: credentials.password ?? '',
  };
}

/** Resolves once the simulated network has a message to `digits` in `state` (event-driven, no polling). */
export function untilMessageState(simulator: GatewaySimulator, digits: string, state: SimulatedMessageState): Promise<SimulatedMessage> {
  const matches = (message: SimulatedMessage) => message.to.replace(/\D/g, '').endsWith(digits) && message.state === state;
  return new Promise((resolve) => {
    const already = [...simulator.network.messages.values()].find(matches);
    if (already) {
      resolve(already);
      return;
    }
    const listener = (message: SimulatedMessage) => {
      if (!matches(message)) return;
      simulator.network.off('status', listener);
      resolve(message);
    };
    simulator.network.on('status', listener);
  });
}
