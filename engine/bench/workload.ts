/** The benchmark's process: start → service task (a job) → exclusive gateway → end. */
export const BENCH_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  id="Definitions_bench" targetNamespace="http://polis.example/bench">
  <bpmn:process id="bench" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="bench-work" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:exclusiveGateway id="decide" default="toSmall" />
    <bpmn:endEvent id="endBig" />
    <bpmn:endEvent id="endSmall" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="decide" />
    <bpmn:sequenceFlow id="toBig" sourceRef="decide" targetRef="endBig"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= amount &gt; 1000</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="toSmall" sourceRef="decide" targetRef="endSmall" />
  </bpmn:process>
</bpmn:definitions>`;

/** The same workload for bpmn-engine: a service function, and a condition through an expression (no script VM). */
export const BPMN_ENGINE_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <process id="bench" isExecutable="true">
    <startEvent id="start" />
    <serviceTask id="work" implementation="\${environment.services.work}" />
    <exclusiveGateway id="decide" default="toSmall" />
    <endEvent id="endBig" />
    <endEvent id="endSmall" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <sequenceFlow id="f2" sourceRef="work" targetRef="decide" />
    <sequenceFlow id="toBig" sourceRef="decide" targetRef="endBig"><conditionExpression xsi:type="tFormalExpression">\${environment.services.isBig()}</conditionExpression></sequenceFlow>
    <sequenceFlow id="toSmall" sourceRef="decide" targetRef="endSmall" />
  </process>
</definitions>`;

/** Latency percentiles in milliseconds. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Samples the process's resident set size, keeping the peak. */
export class RssSampler {
  peak = 0;
  private readonly timer: NodeJS.Timeout;
  constructor() {
    this.sample();
    this.timer = setInterval(() => this.sample(), 50);
  }
  sample(): number {
    const rss = process.memoryUsage().rss;
    if (rss > this.peak) this.peak = rss;
    return rss;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

/** Figures of one benchmark run. */
export interface BenchResult {
  readonly name: string;
  readonly n: number;
  readonly concurrency: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly peakRssMb: number;
  readonly rssAtQuartersMb: readonly number[];
}

/** Summarizes one run: throughput, latency percentiles and memory. */
export function summarize(
  name: string,
  n: number,
  concurrency: number,
  seconds: number,
  latencies: number[],
  rss: RssSampler,
  rssAtQuartersMb: readonly number[],
): BenchResult {
  latencies.sort((a, b) => a - b);
  return {
    name,
    n,
    concurrency,
    seconds,
    perSecond: n / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    peakRssMb: Math.round(rss.peak / 2 ** 20),
    rssAtQuartersMb,
  };
}
