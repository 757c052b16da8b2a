import { compile, type FlowIR } from '@signet/dsl';
import { start } from '../start';
import { step } from '../step';
import { engineContext } from '../testing';
import type { StepOk, StepResult } from '../types';

function ok(r: StepResult): StepOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

const compiled = compile(`flow deposit_t v1 "Deposit" {
  input { unit: string }
  initial state awaiting_deposit {
    on record_deposit(amount: money(CNY), receipt: string) -> deposited
      when event.amount >= 50_000 CNY
      do set deposit = event.amount, set receipt = event.receipt
  }
  state deposited {
    task assignee role(finance) sla 24h
    on close(satisfaction: int) -> closed when event.satisfaction in [1, 2, 3, 4, 5]
  }
  final state closed
}`);
if (!compiled.ir) throw new Error(JSON.stringify(compiled.diagnostics));
const IR: FlowIR = compiled.ir;

function started() {
  return ok(start(IR, { unit: 'A-0101' }, engineContext({ actor: 'li.na' })));
}

describe('typed event payloads', () => {
  it('should store payload values read as event.<field> in set actions when the payload is valid', () => {
    const r = ok(
      step(
        IR,
        started().snapshot,
        { type: 'record_deposit', payload: { amount: '50000.00', receipt: 'R-7' } },
        engineContext(),
      ),
    );
    expect(r.state).toBe('deposited');
    expect(r.context).toMatchObject({ vars: { deposit: '50000.00', receipt: 'R-7' } });
    expect(r.trace.guards[0]).toMatchObject({
      guard: 'event.amount >= 50_000 CNY',
      values: { 'event.amount': '50000.00' },
    });
  });

  it('should refuse with BAD_INPUT naming the field when a payload field has the wrong type', () => {
    const r = step(
      IR,
      started().snapshot,
      { type: 'record_deposit', payload: { amount: 'lots', receipt: 'R-7' } },
      engineContext(),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: [{ path: 'amount' }] } });
  });

  it('should refuse with BAD_INPUT when a required payload field is missing or the payload is absent', () => {
    const missing = step(
      IR,
      started().snapshot,
      { type: 'record_deposit', payload: { amount: '1.00' } },
      engineContext(),
    );
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', details: [{ path: 'receipt' }] },
    });
    const absent = step(IR, started().snapshot, { type: 'record_deposit' }, engineContext());
    expect(absent).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('should refuse the event when the guard on the payload is false', () => {
    const r = step(
      IR,
      started().snapshot,
      { type: 'record_deposit', payload: { amount: '10.00', receipt: 'R' } },
      engineContext(),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'EVENT_NOT_ACCEPTED' } });
  });

  it('should check people before the payload when the event decides a task', () => {
    const deposited = ok(
      step(
        IR,
        started().snapshot,
        { type: 'record_deposit', payload: { amount: '50000', receipt: 'R' } },
        engineContext(),
      ),
    );
    const stranger = step(
      IR,
      deposited.snapshot,
      { type: 'close', payload: { satisfaction: 9 } },
      engineContext({ actor: 'li.na' }),
    );
    expect(stranger).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const outOfRange = step(
      IR,
      deposited.snapshot,
      { type: 'close', payload: { satisfaction: 9 } },
      engineContext({ actor: 'sun.li' }),
    );
    expect(outOfRange).toMatchObject({ ok: false, error: { code: 'EVENT_NOT_ACCEPTED' } });
    const closed = ok(
      step(
        IR,
        deposited.snapshot,
        { type: 'close', payload: { satisfaction: 4 } },
        engineContext({ actor: 'sun.li' }),
      ),
    );
    expect(closed.status).toBe('COMPLETED');
  });
});
