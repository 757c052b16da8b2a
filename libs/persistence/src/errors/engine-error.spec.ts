import type { EngineErrorCode } from '@signet/engine';
import { processCodeForEngine, processErrorFromEngine } from './engine-error';

describe('engine errors as ProcessErrors', () => {
  it.each<[EngineErrorCode, string]>([
    ['BAD_INPUT', 'BAD_USER_INPUT'],
    ['UNKNOWN_EVENT', 'BAD_USER_INPUT'],
    ['DECISION_NOT_OFFERED', 'BAD_USER_INPUT'],
    ['TASK_NOT_OPEN', 'CONFLICT'],
    ['EVENT_NOT_ACCEPTED', 'EVENT_NOT_ACCEPTED'],
    ['INSTANCE_DONE', 'EVENT_NOT_ACCEPTED'],
    ['FORBIDDEN', 'FORBIDDEN'],
    ['SEPARATION_OF_DUTIES', 'SEPARATION_OF_DUTIES'],
  ])('should map %s to %s', (engineCode, processCode) => {
    expect(processCodeForEngine(engineCode)).toBe(processCode);
  });

  it('should keep the message and the field details when the input was bad', () => {
    const error = processErrorFromEngine({
      code: 'BAD_INPUT',
      message: 'input.discount: expected a percent like "2%"',
      details: [{ path: 'input.discount', message: 'expected a percent' }],
    });
    expect(error.message).toBe('input.discount: expected a percent like "2%"');
    expect(error.details).toEqual({ fields: [{ path: 'input.discount', message: 'expected a percent' }] });
  });
});
