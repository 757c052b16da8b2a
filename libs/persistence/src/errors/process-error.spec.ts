import { ProcessError } from './process-error';

describe('ProcessError factories', () => {
  it('should name the instance, both versions and the fix when a version is stale', () => {
    const error = ProcessError.conflictForInstance('i-1', 6, 7);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      'instance i-1 was changed by another request (version 7, you sent 6); reload and retry',
    );
  });

  it('should name the flow and version and say to bump it when a deployed version is reused', () => {
    expect(ProcessError.flowVersionTaken('discount_approval', 1).message).toBe(
      'discount_approval v1 is already deployed with different content; bump the version',
    );
  });

  it('should name the holder when a business key is taken', () => {
    const error = ProcessError.businessKeyTaken('unit_confirmation', 'A-0101', 'i-9');
    expect(error.code).toBe('BUSINESS_KEY_TAKEN');
    expect(error.message).toContain('active instance i-9');
    expect(error.details).toEqual({ holder: 'i-9' });
  });

  it('should carry the diagnostics and point at the first error when a flow is invalid', () => {
    const diagnostic = {
      severity: 'error' as const,
      code: 'flow/unknown-state',
      message: 'Unknown state "aproved"',
      line: 4,
      column: 12,
      endLine: 4,
      endColumn: 19,
    };
    const error = ProcessError.flowInvalid([diagnostic]);
    expect(error.code).toBe('FLOW_INVALID');
    expect(error.message).toContain('4:12 flow/unknown-state');
    expect(error.details?.diagnostics).toEqual([diagnostic]);
  });

  it('should say who decided when a task was already decided', () => {
    expect(ProcessError.taskAlreadyDecided('t-1', 'chen.jie', 'approve').message).toBe(
      'task t-1 was already decided by chen.jie (approve); reload the instance',
    );
  });
});
