// CPU and RSS of the whole process (all threads), via pidusage. Behind an interface so tests can
// feed chosen numbers and so the monitor can run where pidusage cannot (it reads /proc on Linux).
import pidusage from 'pidusage';

export interface ProcessSample {
  /** Percent of one core, averaged since the previous sample (pidusage's definition). */
  cpuPercent: number;
  rss: number;
}

export interface ProcessSampler {
  sample(): Promise<ProcessSample>;
  dispose?(): void;
}

export function pidusageSampler(pid = process.pid): ProcessSampler {
  return {
    async sample() {
      const s = await pidusage(pid);
      return { cpuPercent: s.cpu, rss: s.memory };
    },
    // pidusage keeps per-pid history between calls; forget it with the monitor.
    dispose: () => pidusage.clear(),
  };
}
