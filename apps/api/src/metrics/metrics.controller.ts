import { Controller, Get, Header, Inject } from '@nestjs/common';
import type { DurabilityMetrics } from '@signet/persistence';

/** Injection token of the process's `DurabilityMetrics` (timer worker and outbox relay counters). */
export const DURABILITY_METRICS = Symbol('DURABILITY_METRICS');

/**
 * `GET /metrics`: the timer worker's and outbox relay's counters of this process in the Prometheus
 * text format (fired and cancelled timers, lateness histogram, late timers, outbox deliveries).
 */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(DURABILITY_METRICS) private readonly metrics: DurabilityMetrics) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  render(): string {
    return this.metrics.prometheus();
  }
}
