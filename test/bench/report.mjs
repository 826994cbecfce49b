// Markdown tables of a benchmark result.
const f0 = (n) => (n === undefined ? '–' : n.toFixed(0));
const f2 = (n) => (n === undefined ? '–' : n.toFixed(2));
const f1 = (n) => (n === undefined ? '–' : n.toFixed(1));

/** Prints the results as markdown tables on stdout. */
export function printTables(results) {
  const out = [];
  if (results.compare.length > 0) {
    out.push(`## tome pack vs repomix 1.18.1 (xml; median of ${results.args.runs} alternating runs)`, '');
    out.push('| corpus | cache | files | tome wall ms | repomix wall ms | wall ratio | tome CPU ms | repomix CPU ms | CPU ratio | tome RSS MB | repomix RSS MB | RSS ratio |');
    out.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const c of results.compare) {
      out.push(`| ${c.corpus} | ${c.cache} | ${c.files} | ${f0(c.tome.wallMs)} | ${f0(c.repomix.wallMs)} | ${f2(c.ratio.wall)} | ${f0(c.tome.cpuMs)} | ${f0(c.repomix.cpuMs)} | ${f2(c.ratio.cpu)} | ${f0(c.tome.peakRssMb)} | ${f0(c.repomix.peakRssMb)} | ${f2(c.ratio.rss)} |`);
    }
    out.push('', '### tome stages (median ms)', '');
    const stages = ['scan', 'read', 'redact', 'tokenize', 'graph', 'order', 'select', 'render', 'reuse'];
    out.push(`| corpus | cache | ${stages.join(' | ')} |`, `|---|---|${stages.map(() => '---').join('|')}|`);
    for (const c of results.compare) out.push(`| ${c.corpus} | ${c.cache} | ${stages.map((s) => f0(c.stageMs[s])).join(' | ')} |`);
  }
  for (const s of results.skipped ?? []) out.push('', `Skipped ${s.corpus}: ${s.reason}.`);
  const ip = results.inprocess;
  if (ip.tokenizer) {
    const t = ip.tokenizer;
    out.push('', '## in-process (three)', '', '| figure | value |', '|---|---|');
    out.push(`| js-tiktoken encoder build | ${f0(t.referenceBuildMs)} ms |`, `| js-tiktoken encode (${f1(t.sampleMB)} MB) | ${f1(t.referenceMBps)} MB/s |`);
    out.push(`| Tome rank map build | ${f0(t.oursBuildMs)} ms |`, `| Tome count, one thread, cold memo | ${f1(t.oursColdMBps)} MB/s |`, `| Tome count, one thread, warm memo | ${f1(t.oursWarmMBps)} MB/s |`);
    out.push(`| counts identical to js-tiktoken | ${t.identical} |`, `| worker pool, cold, all ${f1(t.poolMB)} MB incl. startup | ${f0(t.poolColdMs)} ms (${f1(t.poolMBps)} MB/s) |`);
  }
  if (ip.repack) out.push(`| PackEngine first pack | ${f0(ip.repack.firstMs)} ms |`, `| re-pack, nothing changed | ${f0(ip.repack.unchangedMs)} ms |`, `| re-pack after editing one file (median of 5) | ${f0(ip.repack.afterEditMs)} ms |`);
  if (ip.stall) out.push(`| WorkerPackEngine pack | ${f0(ip.stall.packMs)} ms |`, `| worst main-thread event-loop delay | ${f1(ip.stall.worstDelayMs)} ms (p99 ${f1(ip.stall.p99DelayMs)} ms, busiest stretch ${f1(ip.stall.worstBusyMs)} ms, most CPU between probes ${f1(ip.stall.worstOnCpuMs ?? undefined)} ms) |`);
  if (ip.contextTree) {
    out.push('', '## Context view count (three, gen-10k)', '', '| corpus | first tree ms | recount after one edit ms | slowest folder open ms | worst delay ms | p99 ms | busiest stretch ms | most CPU between probes ms | warm plain pack: worst delay / most CPU ms |', '|---|---|---|---|---|---|---|---|---|');
    for (const [name, t] of Object.entries(ip.contextTree)) {
      out.push(`| ${name} | ${f0(t.firstTreeMs)} | ${f0(t.afterEditMs)} | ${f1(t.slowestFolderOpenMs)} | ${f1(t.worstDelayMs)} | ${f1(t.p99DelayMs)} | ${f1(t.worstBusyMs)} | ${f1(t.worstOnCpuMs ?? undefined)} | ${f1(t.warmPlainPack.worstDelayMs)} / ${f1(t.warmPlainPack.worstOnCpuMs ?? undefined)} |`);
    }
  }
  if (results.scale.length > 0) {
    out.push('', `## scale (generated trees, tome only, --budget ${results.args.scaleBudget})`, '');
    out.push('| corpus | files | MB | runs | cold wall ms | cold RSS MB | warm wall ms | warm RSS MB |', '|---|---|---|---|---|---|---|---|');
    for (const s of results.scale) out.push(`| ${s.corpus} | ${s.files} | ${f0(s.bytes / 1e6)} | ${s.runs} | ${f0(s.cold.wallMs)} | ${f0(s.cold.peakRssMb)} | ${f0(s.warm.wallMs)} | ${f0(s.warm.peakRssMb)} |`);
    if (results.scaleRatio !== undefined) out.push('', `100k / 10k cold wall time: ${f2(results.scaleRatio)}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
