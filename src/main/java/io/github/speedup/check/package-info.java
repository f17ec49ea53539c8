/**
 * The gate: rules, the comparison with a baseline and with the testbed's history, evaluated over
 * the report model into a {@code Verdict} of checks. Comparisons are settled together (Holm's
 * method over the run's p-values, see {@code Checker}); evidence that says neither "unchanged" nor
 * "changed" is {@code inconclusive}, never a failure. The comparison with the earlier version measured
 * side by side ({@code compareWith}) reads the whole 95% interval of each paired time ratio against
 * {@code compareWithMaxRegression} ({@code VersionGate}). Vocabularies are enums ({@code CheckKind},
 * {@code Metric}, {@code CheckStatus}).
 */
package io.github.speedup.check;
