import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { ModelQueue } from "./ModelQueue.js";

/** The API's Prometheus metrics, in their own registry (so several apps in one process don't collide). */
export class ApiMetrics {
  readonly registry = new Registry();
  readonly requestDuration = new Histogram({
    name: "nomen_http_request_duration_seconds",
    help: "HTTP request duration by route, method and status.",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly suggestions = new Counter({
    name: "nomen_suggest_requests_total",
    help: "Suggestion requests answered, by outcome (success, blocked).",
    labelNames: ["status"] as const,
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: "nomen_rejected_requests_total",
    help: "Requests turned away before reaching the model, by reason.",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });

  constructor(options: { queue: ModelQueue; processMetrics: boolean }) {
    const { queue } = options;
    new Gauge({
      name: "nomen_queue_active",
      help: "Requests the model is working on.",
      registers: [this.registry],
      collect() {
        this.set(queue.active);
      },
    });
    new Gauge({
      name: "nomen_queue_waiting",
      help: "Requests waiting for a model slot.",
      registers: [this.registry],
      collect() {
        this.set(queue.waiting);
      },
    });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: "nomen_" });
  }
}
