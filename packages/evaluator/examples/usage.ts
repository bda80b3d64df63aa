import { bootstrapMean, comparePaired, formatEstimate, MetricJudge } from "../src/index.js";

const judge = MetricJudge.create();
for (const s of judge.scoreList("Payments API for online businesses", [
  "paystream.com",
  "gravelmoth.com",
  "pay-4-u.biz",
  "paypa1-login.com",
])) {
  console.log(
    s.domain.padEnd(18),
    s.overall.toFixed(2),
    `relevance ${s.scores.relevance.toFixed(1)}`,
    s.blocked ? `blocked (${s.blockedCategory})` : "",
  );
}
const a = [6.1, 5.8, 7.0, 6.4, 5.9, 6.6, 6.2, 7.1, 5.5, 6.0];
const b = a.map((x, i) => x + 0.3 + (i % 3) * 0.1);
console.log("mean A", formatEstimate(bootstrapMean(a), 2));
const c = comparePaired(a, b);
console.log(c.verdict, "Δ", formatEstimate(c.delta, 2), "p", c.wilcoxon.p.toFixed(4));
