export type {
  DecisionRecord,
  DirectoryPort,
  DirectoryUserView,
  EvalEnv,
  EvalResult,
  InstanceData,
  TableTraceEntry,
  TraceSink,
} from './eval-env';
export { evaluate, evaluateTable } from './evaluate';
export { exprText, cellText } from './expr-text';
export { TraceRecorder } from './trace-recorder';
