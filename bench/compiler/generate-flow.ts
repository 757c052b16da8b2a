/**
 * A generated flow of about `states` states for the compiler benchmark, shaped like real flows: a
 * routing table, review states with tasks (four-eyes, SLA), guarded decisions and routing states
 * with eventless guards. `tag` changes the title, and so the hash, so every build is a fresh binding.
 */
export function generateFlow(states: number, tag = 0): string {
  const out: string[] = [
    `flow generated_${states} v1 "Generated flow ${states} #${tag}" {`,
    '  input { unit: string, amount: money(CNY), discount: percent }',
    '  const REVIEW_SLA = 24h',
    '  table band(discount: percent) -> level: int hit unique {',
    '    | < 2%          | 1 |',
    '    | [2% .. 5%)    | 2 |',
    '    | >= 5%         | 3 |',
    '  }',
    '  initial state s0 {',
    '    always -> s1 do set level = band(input.discount), set net = round(input.amount * (100% - input.discount), 2)',
    '  }',
  ];
  const last = states - 3; // s0 … s<last>, then done and rejected
  for (let i = 1; i <= last; i++) {
    const next = i === last ? 'done' : `s${i + 1}`;
    if (i % 5 === 0) {
      out.push(
        `  state s${i} {`,
        `    always -> ${next} when var.level == 1 and input.amount < 1_000_000 CNY`,
        `    always -> ${next} when var.level >= 2`,
        `    always -> rejected`,
        '  }',
      );
    } else {
      out.push(
        `  state s${i} {`,
        `    task "Review step ${i}" assignee role(${i % 2 ? 'sales_manager' : 'sales_director'}) separateFrom requester sla REVIEW_SLA`,
        `    on approve -> ${next} when var.net > 0 CNY do set step${i} = var.level + ${i}`,
        `    on approve -> rejected`,
        `    on reject -> rejected do notify requester "rejected_at_${i}"`,
        '  }',
      );
    }
  }
  out.push('  final state done', '  final state rejected', '}');
  return out.join('\n');
}
