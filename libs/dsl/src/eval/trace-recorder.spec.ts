import { TraceRecorder } from './trace-recorder';

describe('TraceRecorder', () => {
  it('should hand out the reads since the last take, one expression at a time', () => {
    const r = new TraceRecorder();
    r.read('input.discount', '2%');
    expect(r.takeReads()).toEqual({ 'input.discount': '2%' });
    r.read('requester', 'li.na');
    expect(r.takeReads()).toEqual({ requester: 'li.na' });
    expect(r.takeReads()).toEqual({});
  });

  it('should keep each distinct table decision once when a table is asked the same question twice', () => {
    const r = new TraceRecorder();
    const entry = {
      table: 'route',
      hit: 'first',
      inputs: [false, '2%'],
      rows: [{ row: 2, line: 22 }],
      output: 'manager',
    };
    r.table(entry);
    r.table({ ...entry });
    r.table({ ...entry, inputs: [false, '4%'], output: 'director' });
    expect(r.tables.map((t) => t.output)).toEqual(['manager', 'director']);
  });
});
