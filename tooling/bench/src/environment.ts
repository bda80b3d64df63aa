import { cpus, loadavg } from "node:os";

/** Where a benchmark ran: printed beside every result, because this kind of machine is shared and noisy. */
export interface BenchEnvironment {
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  /** 1, 5 and 15 minute load averages when the measurement was taken. */
  loadAverage: [number, number, number];
}

export function benchEnvironment(): BenchEnvironment {
  const cpuList = cpus();
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpu: cpuList[0]?.model.trim() ?? "unknown",
    cores: cpuList.length,
    loadAverage: [round2(one), round2(five), round2(fifteen)],
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
