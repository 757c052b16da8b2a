import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DATABASE_PROBE } from './database-probe';
import { HealthController } from './health.controller';

async function appWithProbe(probe: () => Promise<boolean>): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    controllers: [HealthController],
    providers: [{ provide: DATABASE_PROBE, useValue: probe }],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

describe('GET /health', () => {
  it('should answer 200 with database up when the probe succeeds', async () => {
    const app = await appWithProbe(() => Promise.resolve(true));
    await request(app.getHttpServer()).get('/health').expect(200, { status: 'ok', database: 'up' });
    await app.close();
  });

  it('should answer 503 with database down when the probe fails', async () => {
    const app = await appWithProbe(() => Promise.reject(new Error('connection refused')));
    await request(app.getHttpServer())
      .get('/health')
      .expect(503, { status: 'unavailable', database: 'down' });
    await app.close();
  });
});
