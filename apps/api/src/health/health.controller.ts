import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { DATABASE_PROBE, type DatabaseProbe } from './database-probe';

/** `GET /health`: 200 `{ status: 'ok', database: 'up' }`, or 503 `{ status: 'unavailable', database: 'down' }`. */
@Controller('health')
export class HealthController {
  constructor(@Inject(DATABASE_PROBE) private readonly probe: DatabaseProbe) {}

  @Get()
  async health(): Promise<{ status: 'ok'; database: 'up' }> {
    const up = await this.probe().catch(() => false);
    if (!up) throw new ServiceUnavailableException({ status: 'unavailable', database: 'down' });
    return { status: 'ok', database: 'up' };
  }
}
