/**
 * The gate: rules and the comparison with a baseline, evaluated over the report model into a
 * {@code Verdict} of checks. Vocabularies are enums ({@code CheckKind}, {@code Metric}, {@code CheckStatus}).
 */
package io.github.speedup.check;
