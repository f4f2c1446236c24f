'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');

/** The bench side of simulator-host.js: start it, send commands, await their answers, close it. */
class SimulatorProcess {
  /** `nodeOptions`: extra node flags for the host, e.g. `['--cpu-prof']` to profile the simulators. */
  constructor(nodeOptions = []) {
    this.child = spawn(process.execPath, [...nodeOptions, path.join(__dirname, 'simulator-host.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.nextId = 1;
    this.pending = new Map();
    this.exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.once('exit', (code) => {
      for (const { reject } of this.pending.values()) reject(new Error(`simulator host exited (${code})`));
      this.pending.clear();
    });
    readline.createInterface({ input: this.child.stdout }).on('line', (line) => {
      let answer;
      try {
        answer = JSON.parse(line);
      } catch {
        return;
      }
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if (answer.ok) waiting.resolve(answer);
      else waiting.reject(new Error(`simulator host: ${answer.error}`));
    });
  }

  command(cmd, gateway, options) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin.write(`${JSON.stringify({ id, cmd, gateway, options })}\n`);
    });
  }

  /** A fresh simulator of `gateway` (the previous one is stopped): `{gateway, baseUrl, credentials}`. */
  async start(gateway, options = {}) {
    return (await this.command('start', gateway, options)).simulator;
  }

  stats(gateway) {
    return this.command('stats', gateway);
  }

  stop(gateway) {
    return this.command('stop', gateway);
  }

  async close() {
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill(), 5_000);
    await this.exited;
    clearTimeout(timer);
  }
}

module.exports = { SimulatorProcess };
