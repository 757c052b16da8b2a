import { workerConfigFromEnv } from './worker-config';

describe('workerConfigFromEnv', () => {
  it('should run the worker every second on the default calendar, logging the outbox, when nothing is set', () => {
    expect(workerConfigFromEnv({})).toMatchObject({
      enabled: true,
      pollMs: 1000,
      calendar: 'default',
      sinkDescription: 'log',
    });
  });

  it('should read the switch, poll interval, calendar and webhook when they are set', () => {
    expect(
      workerConfigFromEnv({
        SIGNET_WORKER: 'off',
        SIGNET_TIMER_POLL_MS: '250',
        SIGNET_CALENDAR: 'cn',
        SIGNET_WEBHOOK_URL: 'http://127.0.0.1:9/hook',
      }),
    ).toMatchObject({
      enabled: false,
      pollMs: 250,
      calendar: 'cn',
      sinkDescription: 'webhook http://127.0.0.1:9/hook',
    });
  });

  it('should throw naming the variable and value when the poll interval is not a whole number in range', () => {
    expect(() => workerConfigFromEnv({ SIGNET_TIMER_POLL_MS: '0.5' })).toThrow(
      'SIGNET_TIMER_POLL_MS must be an integer from 10 to 3600000, got "0.5"',
    );
  });
});
