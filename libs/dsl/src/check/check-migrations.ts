import type { Check } from './context';
import { didYouMean } from './suggest';

/**
 * `migrate from vN { old -> new }`: N is an older version than this flow's, each old state is mapped
 * once, and every target is a state of this version (the old states belong to the old source and
 * cannot be checked here).
 */
export const checkMigrations: Check = (ctx) => {
  const seenVersions = new Set<number>();
  for (const m of ctx.flow.migrations) {
    if (m.fromVersion >= ctx.flow.version || seenVersions.has(m.fromVersion)) {
      ctx.report.error(
        m.versionSpan,
        'flow/bad-migration',
        seenVersions.has(m.fromVersion)
          ? `v${m.fromVersion} is migrated twice`
          : `v${ctx.flow.version} cannot migrate from v${m.fromVersion}: it is not an older version`,
        `migrate from an earlier version, e.g. \`migrate from v${Math.max(1, ctx.flow.version - 1)} { … }\``,
      );
    }
    seenVersions.add(m.fromVersion);
    const mapped = new Set<string>();
    for (const { from, to } of m.maps) {
      if (mapped.has(from.name)) {
        ctx.report.error(
          from.span,
          'flow/bad-migration',
          `The old state "${from.name}" is mapped twice`,
          'map each old state to one state of this version',
        );
      }
      mapped.add(from.name);
      if (ctx.scope.states.has(to.name)) continue;
      ctx.report.error(
        to.span,
        'flow/unknown-state',
        `No state is named "${to.name}"${didYouMean(to.name, ctx.scope.states.keys())}`,
        'an old state maps to a state declared in this version',
      );
    }
  }
};
