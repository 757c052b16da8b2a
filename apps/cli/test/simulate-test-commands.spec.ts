import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../src/cli';
import { parseSimulationEvents } from '../src/commands/simulate-events';
import { memoryIo } from './memory-io';

const root = path.resolve(__dirname, '../../..');
const DISCOUNT = fs.readFileSync(path.join(root, 'workflows/discount-approval.flow'), 'utf8');
const SCENARIOS = fs.readFileSync(path.join(root, 'workflows/discount-approval.scenarios.json'), 'utf8');
const ESCALATING = `flow complaint_t v1 "Complaint" {
  input { customer: string }
  initial state handling {
    task "Reply" assignee user(requester) sla 24h
    after 24h escalate to superior(requester)
    on resolve(satisfaction: int) -> closed do set score = event.satisfaction
  }
  final state closed
}`;

describe('signet simulate', () => {
  it('should print each step with its state, effects and open tasks when the events are accepted', async () => {
    const io = memoryIo({ 'discount.flow': DISCOUNT });
    const code = await runCli(
      [
        'simulate',
        'discount.flow',
        '--input',
        '{"unit":"A-1","listPrice":"1850000.00","discount":"2%"}',
        '--as',
        'li.na',
        '--events',
        'approve@chen.jie',
      ],
      io,
    );
    const text = io.stdout.join('\n');
    expect(code).toBe(0);
    expect(text).toContain('start by li.na → manager_review (ACTIVE)');
    expect(text).toContain('open task manager_review [task-1] for role(sales_manager), not li.na');
    expect(text).toContain('approve by chen.jie → approved (COMPLETED)');
    expect(text).toContain('notify li.na "discount_approved"');
  });

  it('should fire the timers that fall due when the clock advances, at their due time', async () => {
    const io = memoryIo({ 'c.flow': ESCALATING });
    const code = await runCli(
      [
        'simulate',
        'c.flow',
        '--input',
        '{"customer":"C"}',
        '--as',
        'wu.xia',
        '--events',
        '+50h,resolve@hu.jun{"satisfaction":5}',
      ],
      io,
    );
    const text = io.stdout.join('\n');
    expect(code).toBe(0);
    expect(text).toContain('2026-11-24T09:00:00.000Z  timer.handling.0 by nobody → handling (ACTIVE)');
    expect(text).toContain('(escalation, level 1) wu.xia → ma.lin');
    expect(text).toContain('(escalation, level 2) ma.lin → hu.jun');
    expect(text).toContain('set var.score → 5');
  });

  it('should print the refusal and exit 1 when a step is refused', async () => {
    const io = memoryIo({ 'discount.flow': DISCOUNT });
    const code = await runCli(
      [
        'simulate',
        'discount.flow',
        '--input',
        '{"unit":"A-1","listPrice":"1850000.00","discount":"2%"}',
        '--as',
        'li.na',
        '--events',
        'approve@li.na',
      ],
      io,
    );
    expect(code).toBe(1);
    expect(io.stdout.join('\n')).toContain('✗ refused SEPARATION_OF_DUTIES');
  });

  it('should exit 2 with the usage when --input is missing or the events do not parse', async () => {
    expect(await runCli(['simulate', 'x.flow', '--as', 'li.na'], memoryIo())).toBe(2);
    expect(parseSimulationEvents('+soon')).toMatchObject({ ok: false });
    expect(parseSimulationEvents('pay@sun.li{"a":1,"b":[1,2]},+2 workdays')).toEqual({
      ok: true,
      items: [
        { k: 'event', type: 'pay', actor: 'sun.li', payload: { a: 1, b: [1, 2] } },
        { k: 'advance', by: '2 workdays' },
      ],
    });
  });
});

describe('signet test', () => {
  it('should report every scenario as passed and exit 0 when the flow behaves as its scenarios say', async () => {
    const io = memoryIo({ 'd.flow': DISCOUNT, 'd.scenarios.json': SCENARIOS });
    expect(await runCli(['test', 'd.flow'], io)).toBe(0);
    expect(io.stdout.at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });

  it('should name the failing step and expectation and exit 1 when a scenario does not hold', async () => {
    const broken = SCENARIOS.replace('"netPrice": "1840750.00"', '"netPrice": "1.00"');
    const io = memoryIo({ 'd.flow': DISCOUNT, 'd.scenarios.json': broken });
    expect(await runCli(['test', 'd.flow'], io)).toBe(1);
    const text = io.stdout.join('\n');
    expect(text).toContain('✗ a discount within the consultant');
    expect(text).toContain('start: at context.vars.netPrice: expected "1.00", got "1840750.00"');
    expect(io.stdout.at(-1)).toMatch(/1 failed$/);
  });
});
